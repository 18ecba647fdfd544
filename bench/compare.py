"""The HDT side by side with the peer baselines and the ablations, all measured in one run on the same held-out
data: pose error, calibration, parameters, and single-thread CPU milliseconds per second of streamed input.

Every model is a shipped-format file (`qlpose export --run runs/NAME --name NAME --dest runs/models`); all must
come from the same dataset (same manifest hash) so they share its held-out test split.

    OMP_NUM_THREADS=1 .venv/bin/python bench/compare.py --data data/mvm_real \\
        --models runs/cmp/models/{hdt,baseline_mobileposer,baseline_transpose,ablation_no_physics,ablation_deterministic}.safetensors \\
        --json bench/results/compare.json

after `EXTRA="data=data/mvm_real data_preset=mvm_real" STEPS=1500 bash bench/train_compare.sh` (the committed table).

Streaming cost: each model is run the way it streams, for one second of input at 60 Hz, on one thread: the HDT
frame by frame with cached state (`streaming.HDTStream`, two staggered windows, averaged over a restart cycle);
the peers as published, their window re-run for every new frame (MobilePoser-style: 45 frames, 40 past + 5
future; TransPose-style: 26 frames, 20 + 5 + 1). The figure is the median of `--repeats`, in ms of this
thread's CPU time (`time.thread_time`, so another process sharing the machine does not inflate it) per second
of stream (below 1000 keeps up with real time).

Pose error two ways. `mpjpe_mm` (and PA, PCK, calibration) on every frame of every test window, each model
run offline over the whole 200-frame window: the causal HDT sees only the past, the peers' bidirectional LSTMs
see the whole window, past and future. `mpjpe_stream_mm` on the frames each model can serve live: frames
40 .. 194 of the first `--stream-windows` test windows, the HDT's causal output, each peer's output for frame t
from its online window ending at t + 5 (what its CPU figure pays for).

Real motion: each model on the real CMU evaluation clips of `--mocap` (13_29: jumping jacks, twists, knee raises
and two squats; 14_27: sit-to-stand), with devices simulated on the mocap body (`real_motion.evaluate_mocap`,
what `qlpose evaluate --mocap` reports): MPJPE, lower-body MPJPE and coverage_90 over the whole clip, for the
phone alone and for phone + watch + earbud. Skipped, saying so, where the clips are absent.

Each row also states the model's training budget from its card (steps x batch), so a table is only read as a
comparison when the budgets agree; the ratios printed are against the row named `hdt` (MPJPE) and the
MobilePoser-style row (CPU per second of stream).
"""
import argparse, time
from pathlib import Path
import numpy as np
import torch
from common import write_json, CONTEXT, FUTURE
from tqdm.auto import tqdm
from quantumleap_pose import load_model, predict
from quantumleap_pose.evaluation import evaluate_dataset, heldout_sequences
from quantumleap_pose.real_motion import evaluate_mocap
from quantumleap_pose.model import count_parameters
from quantumleap_pose.dataset import SLOTS
from quantumleap_pose.streaming import HDTStream


def streamed_mpjpe(model, a: dict, n: int) -> float:
    """MPJPE (mm) of the pose each model gives while streaming, on frames 40 .. T-6 of the first `n` test windows
    (the frames where every model has its whole online context): the causal HDT's own outputs (streaming equals
    offline, `10_streaming` asserts it); each peer's output for frame t from its window ending at t + FUTURE."""
    arch, T = getattr(model, 'arch', 'hdt'), a['imu'].shape[1]
    t0, t1 = max(CONTEXT.values()) - 1 - FUTURE, T - FUTURE
    if arch == 'hdt': pose = a['pose_mean'][:n, t0:t1]
    else:
        W = CONTEXT[arch]; past = W - 1 - FUTURE
        with torch.inference_mode():
            pose = np.stack([predict(model, a['imu'][:n, t - past:t + FUTURE + 1], a['mask'][:n], batch_size=512)['pose_mean'][:, past]
                             for t in tqdm(range(t0, t1), desc=f'streamed {arch}', leave=False)], 1)
    return float(1000 * np.linalg.norm(pose - a['joints'][:n, t0:t1], axis=-1).mean())

def stream_ms_per_s(model, rate: float = 60., repeats: int = 3) -> float:
    "Median CPU ms to produce one second of outputs frame by frame, as the model streams (see the module's doc)."
    arch = getattr(model, 'arch', 'hdt')
    mask = np.isin(SLOTS, ('pocket_L', 'pocket_R'))
    times = []
    if arch == 'hdt':                                          # cached causal streaming, over a whole restart cycle
        W = model.card['input']['window']
        frames = np.tile(model.standardize.mean.numpy(), (2 * W, 1, 1))   # the training mean: a plausible reading
        for _ in range(repeats):
            s = HDTStream(model, mask)
            for f in frames[:W]: s.step(f)                     # both windows running
            t = time.thread_time()
            for f in frames[W:]: s.step(f)
            times.append((time.thread_time() - t) * rate / W)
        return 1000 * float(np.median(times))
    W = CONTEXT[arch]
    x, m = torch.randn(1, W, len(mask), 6), torch.from_numpy(mask)[None]
    with torch.no_grad():
        model(x, m)                                            # warm-up
        for _ in range(repeats):
            t = time.thread_time()
            for _ in range(int(rate)): model(x, m)             # the window re-run for every output frame
            times.append(time.thread_time() - t)
    return 1000 * float(np.median(times))

CLIPS = ('cmu_13_29', 'cmu_14_27_daz')                          # the real evaluation clips (subjects held out of training)
DEVICES = (('pocket_R',), ('pocket_R', 'watch_L', 'earbud'))     # the phone-alone and three-device protocols

def real_motion(model, folder: Path) -> dict:
    "{'CLIP/DEVICES': {mpjpe_mm, lower_body_mpjpe_mm, coverage_90}} on the real clips, over each whole clip."
    return {f"{c}/{'+'.join(d)}": {k: m[k] for k in ('mpjpe_mm', 'lower_body_mpjpe_mm', 'coverage_90')}
            for c in CLIPS for d in DEVICES for m in [evaluate_mocap(model, folder / f'{c}.bvh', d)['all']]}

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--data', required=True, help='dataset the models were trained on (its test split is used)')
    p.add_argument('--models', nargs='+', default=['mvm'], help='shipped names or .safetensors paths')
    p.add_argument('--json', default='bench/results/compare.json')
    p.add_argument('--repeats', type=int, default=3)
    p.add_argument('--mocap', default='../shared/data/cmu', help='folder of the real evaluation clips (CLIPS as .bvh)')
    p.add_argument('--stream-windows', type=int, default=500, help='test windows on which the streamed MPJPE is measured')
    a = p.parse_args()
    torch.set_num_threads(1)
    rows, split = [], None
    mocap = Path(a.mocap) if all((Path(a.mocap) / f'{c}.bvh').exists() for c in CLIPS) else None
    if mocap is None: print(f'{a.mocap}: no {" and ".join(CLIPS)} there; real-motion figures skipped')
    for name in a.models:
        m = load_model(name)
        which, seqs = heldout_sequences(m, a.data)
        if which != 'test': raise SystemExit(f'{name} was not trained on {a.data} (manifest hash differs): no shared held-out split')
        if split is not None and not np.array_equal(seqs, split): raise SystemExit(f'{name} has another test split than the first model')
        split = seqs
        r, arr = evaluate_dataset(m, a.data, seqs, progress=True)
        arch = getattr(m, 'arch', 'hdt')
        tr = m.card['training']
        rows.append(dict(model=m.card['name'], arch=arch, train_steps=tr['steps'], batch_size=tr['config']['batch_size'], mpjpe_mm=r['mpjpe_mm'],
                         pa_mpjpe_mm=r['pa_mpjpe_mm'], mpjpe_stream_mm=streamed_mpjpe(m, arr, a.stream_windows), pck_100mm=r['pck_100mm'], jitter=r['jitter'], coverage_90=r['coverage_90'], nll=r['nll'],
                         miscalibration_area=r['miscalibration_area'], params=count_parameters(m),
                         cpu_ms_per_s_stream=stream_ms_per_s(m, repeats=a.repeats), n_sequences=r['n_sequences'],
                         real=real_motion(m, mocap) if mocap else None))
    ref = {r['arch']: r for r in rows if r['arch'] != 'hdt'} | {'hdt': next((r for r in rows if r['model'] == 'hdt'), None)}
    for r in rows:
        r['mpjpe_vs_hdt'] = round(r['mpjpe_mm'] / ref['hdt']['mpjpe_mm'], 3) if ref['hdt'] else None
        r['stream_mpjpe_vs_hdt'] = round(r['mpjpe_stream_mm'] / ref['hdt']['mpjpe_stream_mm'], 3) if ref['hdt'] else None
        r['cpu_vs_mobileposer'] = round(r['cpu_ms_per_s_stream'] / ref['mobileposer']['cpu_ms_per_s_stream'], 3) if 'mobileposer' in ref else None
    f = lambda v, d=1: '—' if v is None else f'{v:.{d}f}'
    print(f"{'model':<24}{'steps':>6}{'MPJPE':>7}{'PA':>6}{'stream':>7}{'PCK100':>7}{'cov90':>6}{'params':>10}{'ms/s':>7}"
          f"{'MPJPE/hdt':>10}{'stream/hdt':>11}{'CPU/MP':>7}")
    for r in rows:
        print(f"{r['model']:<24}{r['train_steps']:>6}{f(r['mpjpe_mm']):>7}{f(r['pa_mpjpe_mm']):>6}{f(r['mpjpe_stream_mm']):>7}{f(r['pck_100mm'], 3):>7}"
              f"{f(r['coverage_90'], 3):>6}{r['params']:>10,}{f(r['cpu_ms_per_s_stream']):>7}{f(r['mpjpe_vs_hdt'], 2):>10}"
              f"{f(r['stream_mpjpe_vs_hdt'], 2):>11}{f(r['cpu_vs_mobileposer'], 2):>7}")
    if mocap:                                                  # the README's second table, with coverage
        print(f"\n{'real clip (lower / all mm)':<30}" + ''.join(f'{k:>40}' for k in rows[0]['real']))
        for r in rows: print(f"{r['model']:<30}" + ''.join(f"{f(v['lower_body_mpjpe_mm']) + ' / ' + f(v['mpjpe_mm']) + ' (' + f(v['coverage_90'], 2) + ')':>40}" for v in r['real'].values()))
    write_json(a.json, rows)

if __name__ == '__main__': main()
