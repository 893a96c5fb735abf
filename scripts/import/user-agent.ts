import packageJson from "../../package.json";

/** The product token robots.txt groups are matched against. */
export const ROBOTS_TOKEN = "faq-edge";

/** Names faq-edge and its version, so a site owner can recognise (and allow or refuse) the importer. */
export const USER_AGENT = `${ROBOTS_TOKEN}/${packageJson.version} (FAQ import; +https://github.com/faq-edge/faq-edge)`;
