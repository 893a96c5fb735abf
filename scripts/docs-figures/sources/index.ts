import type { FigureSource } from "../figure-source";
import { bundleFigures } from "./bundle";
import { collectionFigures } from "./collections";
import { decodeFigures } from "./decode";
import { endToEndFigures } from "./end-to-end";
import { EVAL_SETS, evalFigures } from "./eval";
import { inboxGroupingFigures } from "./inbox-grouping";
import { inboxLoadFigures } from "./inbox-load";
import { kernelFigures } from "./kernels";
import { lexicalFigures } from "./lexical";
import { soakFigures } from "./soak";
import { typoFigures } from "./typos";

/** Every results file the docs may take figures from. */
export const FIGURE_SOURCES: ReadonlyArray<FigureSource<never>> = [
  bundleFigures,
  kernelFigures,
  decodeFigures,
  lexicalFigures,
  endToEndFigures,
  soakFigures,
  typoFigures,
  inboxGroupingFigures,
  inboxLoadFigures,
  collectionFigures,
  ...EVAL_SETS.map(evalFigures),
];
