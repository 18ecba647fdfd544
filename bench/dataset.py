"""Dataset-engine throughput: sequences per second with 1 and 2 worker processes, and the cost per output frame
against bare `mj_inverse` on the same kind of model, measured in the same run. Writes bench/results/dataset.json.

    .venv/bin/python bench/dataset.py [--preset mvm] [--n 16] [--frames 200]
"""
import argparse, os, platform, shutil, tempfile, time
from pathlib import Path
from common import mj_inverse_frames_per_s, write_json
from quantumleap_pose.body import make_body
from quantumleap_pose.simulation import build_body_model
from quantumleap_pose.exercises import synthesize
from quantumleap_pose.dataset import PhysicsDataEngine, preset

def squat_mj_inverse_rate(fps):
    "Bare mj_inverse on a one-repetition squat of a reference subject."
    b = make_body(1.76, 80., 'male')
    m = synthesize('squat', b, dict(reps=1), seed=0, fps=fps, check=False)
    return mj_inverse_frames_per_s(build_body_model(b, fps), m.qpos, m.qvel, m.qacc)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--preset', default='mvm'); ap.add_argument('--n', type=int, default=16); ap.add_argument('--frames', type=int, default=200)
    ap.add_argument('--json', default=str(Path(__file__).parent / 'results' / 'dataset.json'))
    a = ap.parse_args()
    cfg, _ = preset(a.preset)
    cfg.shard_size = max(1, a.n // 4)
    rows = {}
    tmp = Path(tempfile.mkdtemp())
    try:
        for workers in (1, 2):
            t = time.perf_counter()
            PhysicsDataEngine(cfg).generate_dataset(a.n, a.frames, tmp / f'w{workers}', seed=0, workers=workers, progress=False)
            rows[workers] = a.n / (time.perf_counter() - t)
        same = (tmp / 'w1/manifest.json').read_text().split('"shards"')[1] == (tmp / 'w2/manifest.json').read_text().split('"shards"')[1]
    finally: shutil.rmtree(tmp)
    raw = squat_mj_inverse_rate(cfg.sim_fps)
    out = dict(benchmark='dataset_engine', preset=a.preset, n=a.n, frames=a.frames, sample_rate=cfg.sample_rate, sim_fps=cfg.sim_fps,
               sequences_per_s_1_worker=rows[1], sequences_per_s_2_workers=rows[2], speedup_2_workers=rows[2] / rows[1],
               output_frames_per_s_1_worker=rows[1] * a.frames, mj_inverse_frames_per_s=raw,
               cost_per_output_frame_vs_mj_inverse=raw / (rows[1] * a.frames), identical_shards_1_vs_2_workers=same,
               projected_minutes_10k_2_workers=10000 / rows[2] / 60,
               machine=platform.machine(), cpus=os.cpu_count(), python=platform.python_version(), omp_num_threads=os.environ.get('OMP_NUM_THREADS'))
    print(f"{'measure':<38}{'value':>12}")
    for k in ('sequences_per_s_1_worker', 'sequences_per_s_2_workers', 'speedup_2_workers', 'output_frames_per_s_1_worker',
              'mj_inverse_frames_per_s', 'cost_per_output_frame_vs_mj_inverse', 'projected_minutes_10k_2_workers'):
        print(f'{k:<38}{out[k]:>12.4g}')
    print('identical shards with 1 and 2 workers:', same)
    write_json(a.json, out)

if __name__ == '__main__': main()
