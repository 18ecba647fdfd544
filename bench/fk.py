"""Forward-kinematics throughput: one vectorised call over T frames against the same function called
frame by frame (the baseline, measured in the same run). Prints a table and writes bench/results/fk.json.

    .venv/bin/python bench/fk.py [--frames 2000] [--repeats 5]
"""
import argparse, os, platform, time
from pathlib import Path
import numpy as np
from quantumleap_pose.body import make_body, forward_kinematics, DOF_LIMITS, N_DOF
from common import write_json

def best_of(fn, repeats):
    "Shortest wall time of `repeats` calls (the least disturbed by other load on a shared machine)."
    times = []
    for _ in range(repeats):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return min(times)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--frames', type=int, default=2000)
    ap.add_argument('--repeats', type=int, default=5)
    ap.add_argument('--json', default=str(Path(__file__).parent / 'results' / 'fk.json'))
    a = ap.parse_args()
    body = make_body(1.76, 80., 'male')
    angles = np.random.default_rng(0).uniform(DOF_LIMITS[:, 0], DOF_LIMITS[:, 1], (a.frames, N_DOF))
    vec = best_of(lambda: forward_kinematics(body, angles), a.repeats)
    loop = best_of(lambda: [forward_kinematics(body, q) for q in angles], max(1, a.repeats // 2))
    rows = [dict(method='per-frame loop (baseline)', frames_per_s=a.frames / loop, speedup=1.0),
            dict(method='vectorised over time', frames_per_s=a.frames / vec, speedup=loop / vec)]
    print(f'forward kinematics, {a.frames} frames, best of {a.repeats}, OMP_NUM_THREADS={os.environ.get("OMP_NUM_THREADS")}')
    print(f'{"method":<28}{"frames/s":>12}{"speed-up":>10}')
    for r in rows: print(f'{r["method"]:<28}{r["frames_per_s"]:>12.0f}{r["speedup"]:>9.1f}x')
    write_json(a.json, dict(benchmark='forward_kinematics', frames=a.frames, repeats=a.repeats,
                            machine=platform.machine(), python=platform.python_version(), rows=rows))

if __name__ == '__main__': main()
