"""Squat synthesis throughput and physical plausibility over N random squats (random subjects, random
parameters, half with form faults), against the raw `mj_inverse` rate of the same model in the same run.

    .venv/bin/python bench/simulation.py --n 100 --json bench/results/simulation.json

Throughput counts everything synthesis does per frame: timeline, leg IK and balance solve, joint positions,
fault measurement, kinematic playback through `mj_inverse`, and the physics check (contact-force solve,
centre of pressure, skate, limits, torques). The baseline is `mj_inverse` alone on the same frames.
"""
import argparse, os, platform, time
from pathlib import Path
import numpy as np
from tqdm import tqdm
from common import mj_inverse_frames_per_s, write_json
from quantumleap_pose.body import sample_subjects
from quantumleap_pose.simulation import build_body_model
from quantumleap_pose.exercises import synthesize

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--n', type=int, default=100, help='number of random squat sets')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--fps', type=float, default=100.)
    ap.add_argument('--json', default=str(Path(__file__).parent / 'results' / 'simulation.json'))
    a = ap.parse_args()
    bodies = sample_subjects(a.n, a.seed)
    motions, wall = [], 0.
    for i, b in enumerate(tqdm(bodies, desc='squats')):
        t = time.perf_counter()
        motions.append(synthesize('squat', b, seed=a.seed * 100003 + i, fps=a.fps))
        wall += time.perf_counter() - t
    frames = sum(len(m.qpos) for m in motions)
    raw = np.median([mj_inverse_frames_per_s(build_body_model(b, m.fps), m.qpos, m.qvel, m.qacc) for b, m in list(zip(bodies, motions))[:5]])
    res_seq = np.array([m.plausibility.scores['residual_force_median_bw'] for m in motions])
    res_all = np.concatenate([m.plausibility.residual_force_bw for m in motions])
    clean = np.concatenate([m.plausibility.cop_outside_m[(m.rep >= 0) & (m.faults.max(1) == 0)] for m in motions])
    clean = clean[np.isfinite(clean)]
    knee = np.concatenate([m.rep_quantities[:, 0] for m in motions])
    out = dict(benchmark='squat_synthesis', n=a.n, fps=a.fps, frames=frames, seconds=wall,
               frames_per_s=frames / wall, mj_inverse_frames_per_s=float(raw), ratio=frames / wall / raw,
               acceptance_rate=float(np.mean([m.accepted for m in motions])),
               rejection_reasons=sorted({r.split('=')[0] for m in motions for r in m.plausibility.reasons}),
               median_root_residual_bw=float(np.median(res_seq)),
               root_residual_bw_percentiles={p: float(np.percentile(res_all, p)) for p in (50, 90, 95, 99, 100)},
               cop_inside_frac=float(np.mean(clean <= 0.01)), clean_rep_frames=int(len(clean)),
               max_foot_skate_cm=float(max(m.plausibility.scores['foot_skate_cm'] for m in motions)),
               knee_flexion_peak_deg_min=float(knee.min()), knee_flexion_peak_deg_max=float(knee.max()),
               reps=int(len(knee)), machine=platform.machine(), python=platform.python_version(),
               omp_num_threads=os.environ.get('OMP_NUM_THREADS'))
    print(f"{'measure':<34}{'value':>14}")
    for k in ('frames_per_s', 'mj_inverse_frames_per_s', 'ratio', 'acceptance_rate', 'median_root_residual_bw', 'cop_inside_frac',
              'max_foot_skate_cm', 'knee_flexion_peak_deg_min', 'knee_flexion_peak_deg_max'):
        print(f'{k:<34}{out[k]:>14.4g}')
    print('root residual / body weight, percentiles over all frames:', {p: round(v, 4) for p, v in out['root_residual_bw_percentiles'].items()})
    print('rejection reasons:', out['rejection_reasons'])
    write_json(a.json, out)

if __name__ == '__main__': main()
