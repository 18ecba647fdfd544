"""The HDT side by side with the peer baselines and the ablations, all measured in one run on the same held-out
data: pose error, calibration, parameters, and single-thread CPU milliseconds per second of streamed input.

Every model is a shipped-format file (`qlpose export --run runs/NAME --name NAME --dest runs/models`); all must
come from the same dataset (same manifest hash) so they share its held-out test split.

    OMP_NUM_THREADS=1 .venv/bin/python bench/compare.py --data data/mvm \\
        --models mvm runs/models/baseline_mobileposer.safetensors runs/models/baseline_transpose.safetensors \\
                 runs/models/ablation_no_physics.safetensors runs/models/ablation_deterministic.safetensors \\
        --json bench/results/compare.json

Streaming cost: each model is run the way it streams, for one second of input at 60 Hz, on one thread: the HDT
frame by frame with cached state (`streaming.HDTStream`, two staggered windows, averaged over a restart cycle);
the peers as published, their window re-run for every new frame (MobilePoser-style: 45 frames, 40 past + 5
future; TransPose-style: 26 frames, 20 + 5 + 1). The figure is the median of `--repeats`, in ms of CPU per
second of stream (below 1000 keeps up with real time).
"""
import argparse, time
from pathlib import Path
import numpy as np
import torch
from common import write_json
from quantumleap_pose.training import load_model, heldout_sequences
from quantumleap_pose.evaluation import evaluate_full
from quantumleap_pose.model import count_parameters
from quantumleap_pose.streaming import HDTStream

CONTEXT = {'mobileposer': 45, 'transpose': 26}   # published online windows (frames re-run per output frame)

def stream_ms_per_s(model, rate: float = 60., repeats: int = 3) -> float:
    "Median CPU ms to produce one second of outputs frame by frame, as the model streams (see the module's doc)."
    arch = getattr(model, 'arch', 'hdt')
    mask = np.array([True, True, False, False, False])
    times = []
    if arch == 'hdt':                                          # cached causal streaming, over a whole restart cycle
        W = model.card['input']['window']
        frames = np.tile(np.asarray(model.card['input']['mean'], np.float32), (2 * W, 1, 1))
        for _ in range(repeats):
            s = HDTStream(model, mask)
            for f in frames[:W]: s.step(f)                     # both windows running
            t = time.perf_counter()
            for f in frames[W:]: s.step(f)
            times.append((time.perf_counter() - t) * rate / W)
        return 1000 * float(np.median(times))
    W = CONTEXT[arch]
    x, m = torch.randn(1, W, 5, 6), torch.from_numpy(mask)[None]
    with torch.no_grad():
        model(x, m)                                            # warm-up
        for _ in range(repeats):
            t = time.perf_counter()
            for _ in range(int(rate)): model(x, m)             # the window re-run for every output frame
            times.append(time.perf_counter() - t)
    return 1000 * float(np.median(times))

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--data', required=True, help='dataset the models were trained on (its test split is used)')
    p.add_argument('--models', nargs='+', default=['mvm'], help='shipped names or .safetensors paths')
    p.add_argument('--json', default='bench/results/compare.json')
    p.add_argument('--repeats', type=int, default=3)
    a = p.parse_args()
    torch.set_num_threads(1)
    rows, split = [], None
    for name in a.models:
        m = load_model(name)
        which, seqs = heldout_sequences(m, a.data)
        if which != 'test': raise SystemExit(f'{name} was not trained on {a.data} (manifest hash differs): no shared held-out split')
        if split is not None and not np.array_equal(seqs, split): raise SystemExit(f'{name} has another test split than the first model')
        split = seqs
        r, _ = evaluate_full(m, a.data, seqs, progress=True)
        arch = getattr(m, 'arch', 'hdt')
        rows.append(dict(model='hdt' if name == 'mvm' else Path(str(name)).stem, arch=arch, mpjpe_mm=r['mpjpe_mm'],
                         pa_mpjpe_mm=r['pa_mpjpe_mm'], pck_100mm=r['pck_100mm'], coverage_90=r['coverage_90'], nll=r['nll'],
                         miscalibration_area=r['miscalibration_area'], params=count_parameters(m),
                         cpu_ms_per_s_stream=stream_ms_per_s(m, repeats=a.repeats), n_sequences=r['n_sequences']))
    f = lambda v, d=1: '—' if v is None else f'{v:.{d}f}'
    print(f"{'model':<26}{'MPJPE':>8}{'PA':>8}{'PCK100':>8}{'cov90':>7}{'params':>11}{'ms/s stream':>13}")
    for r in rows:
        print(f"{r['model']:<26}{f(r['mpjpe_mm']):>8}{f(r['pa_mpjpe_mm']):>8}{f(r['pck_100mm'], 3):>8}{f(r['coverage_90'], 3):>7}"
              f"{r['params']:>11,}{f(r['cpu_ms_per_s_stream']):>13}")
    write_json(a.json, rows)

if __name__ == '__main__': main()
