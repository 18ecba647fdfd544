"""Seconds per update of the notebook explorer (`viz.explorer`): one change of a control reruns the whole pipeline
(synthesis with physics check, playback, IMU simulation, the shipped model, the figure). Median over `--repeats`
changes of the stature slider, one thread.

    OMP_NUM_THREADS=1 .venv/bin/python bench/explorer.py [--devices phone+watch] [--json bench/results/explorer.json]
"""
import argparse, time
import numpy as np
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
import torch
from common import write_json
from quantumleap_pose import load_model
from quantumleap_pose.viz import explorer

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--devices', default='phone+watch')
    p.add_argument('--repeats', type=int, default=5)
    p.add_argument('--json', default='bench/results/explorer.json')
    a = p.parse_args()
    torch.set_num_threads(1)
    m = load_model('mvm')
    ui = explorer(m, devices=a.devices)
    stature = ui.children[0].children[0].children[1]
    times = []
    for k in range(a.repeats):
        t = time.perf_counter(); stature.value = 1.60 + 0.05 * k; times.append(time.perf_counter() - t)   # observe() reruns the update
        plt.close('all')
    row = dict(devices=a.devices, seconds_per_update=float(np.median(times)), min_s=float(min(times)), max_s=float(max(times)), repeats=a.repeats)
    print(f"explorer ({a.devices}): {row['seconds_per_update']:.2f} s per update (median of {a.repeats}; {row['min_s']:.2f}-{row['max_s']:.2f})")
    write_json(a.json, [row])

if __name__ == '__main__': main()
