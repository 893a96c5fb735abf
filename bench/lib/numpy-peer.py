"""numpy peer for bench/kernels.ts: E @ q then argpartition for the top 5.

Reads a float32 matrix and queries written by the benchmark, times the same
work with medians of rounds, and prints JSON: {"ms_per_query": x, "threads": ...}.
"""
import json
import sys
import time

import numpy as np

matrix_path, queries_path, count, dim, reps, rounds = sys.argv[1:7]
count, dim, reps, rounds = int(count), int(dim), int(reps), int(rounds)
E = np.fromfile(matrix_path, dtype=np.float32).reshape(count, dim)
Q = np.fromfile(queries_path, dtype=np.float32).reshape(-1, dim)


def top5(q):
    scores = E @ q
    idx = np.argpartition(-scores, 5)[:5] if count > 5 else np.arange(count)
    return idx[np.argsort(-scores[idx])]


for i in range(max(3, reps // 4)):
    top5(Q[i % len(Q)])
per_call = []
for _ in range(rounds):
    start = time.perf_counter()
    for i in range(reps):
        top5(Q[i % len(Q)])
    per_call.append((time.perf_counter() - start) / reps * 1000)
per_call.sort()
print(json.dumps({"ms_per_query": per_call[len(per_call) // 2], "numpy": np.__version__}))
