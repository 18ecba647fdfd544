"""How `real_data.check_mocap` judges the real training motion: three random windows (the dataset's 200 frames at 60 Hz)
of every clip in a folder, accepted or refused and why (a window can fail several checks). Prints a table and writes
bench/results/mocap_checks.json.

    OMP_NUM_THREADS=1 .venv/bin/python bench/mocap_checks.py [--clips ../shared/data/cmu-train/clips] [--windows 3] [--seed 0]
"""
import argparse
from collections import Counter
from pathlib import Path
import numpy as np
from quantumleap_pose.body import JOINTS
from quantumleap_pose.dataset import preset
from quantumleap_pose.real_data import mocap_clips, read_clip, check_mocap
from common import write_json

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--clips', default=str(Path(__file__).resolve().parents[2] / 'shared/data/cmu-train/clips'))
    ap.add_argument('--windows', type=int, default=3)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--json', default=str(Path(__file__).parent / 'results' / 'mocap_checks.json'))
    a = ap.parse_args()
    cfg = preset('mvm_real')[0]
    seconds, A = cfg.seq_len / cfg.sample_rate, [JOINTS.index('RAnkle'), JOINTS.index('LAnkle')]
    rng, n = np.random.default_rng(a.seed), Counter()
    clips = mocap_clips(a.clips)
    for c in clips:
        r = read_clip(c['path'], c['fps']); W = int(seconds * r.fps)
        if len(r.joints) <= W: n['clips shorter than a window'] += 1; continue
        for _ in range(a.windows):
            s = rng.integers(0, len(r.joints) - W)
            ok, why, _ = check_mocap(r.joints[s:s + W], r.fps, r.joints[:, A, 2].min(0))
            n['accepted' if ok else 'refused'] += 1
            for w in why: n['glitch' if 'glitch' in w else 'off the floor, not in free flight' if 'off the floor' in w else w] += 1
    row = dict(clips=len(clips), windows_per_clip=a.windows, **n)
    for k, v in row.items(): print(f'{k:<36}{v:>6}')
    write_json(a.json, [row])

if __name__ == '__main__': main()
