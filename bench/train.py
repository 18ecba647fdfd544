"""Training throughput: windows per second of one optimiser step (forward, multi-task loss, backward, AdamW)
with bf16 autocast on CPU against fp32, for the shipped MVM configuration and the full-size HDT, measured in
the same run (ratios, not seconds: the machine is shared).

    OMP_NUM_THREADS=2 .venv/bin/python bench/train.py [--threads 2] [--batch 32] [--frames 200] [--json bench/results/train.json]
"""
import argparse, time
import torch
from common import write_json
from quantumleap_pose.model import HDT, HDTConfig, count_parameters
from quantumleap_pose.losses import hdt_loss, TaskWeighting, TASKS
from quantumleap_pose.training import TRAIN_PRESETS

def windows_per_s(cfg: HDTConfig, amp: bool, batch: int, frames: int, steps: int = 5) -> float:
    "Best-of-`steps` training-step throughput on random inputs shaped like the data."
    torch.manual_seed(0)
    model, weighting = HDT(cfg), TaskWeighting(TASKS)
    opt = torch.optim.AdamW(list(model.parameters()) + list(weighting.parameters()), 1e-3)
    b = dict(imu=torch.randn(batch, frames, cfg.n_sensors, 6), mask=torch.ones(batch, cfg.n_sensors, dtype=torch.bool),
             joints=0.3 * torch.randn(batch, frames, 17, 3), exercise=torch.zeros(batch, dtype=torch.long), faults=torch.rand(batch, 6))
    best = float('inf')
    for i in range(steps + 1):                          # the first step warms up
        t = time.perf_counter()
        with torch.autocast('cpu', dtype=torch.bfloat16, enabled=amp):
            out = model(b['imu'], b['mask'])
        loss, _ = hdt_loss({k: v.float() for k, v in out.items()}, b, weighting)
        opt.zero_grad(); loss.backward(); opt.step()
        if i: best = min(best, time.perf_counter() - t)
    return batch / best

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--threads', type=int, default=2); p.add_argument('--batch', type=int, default=32)
    p.add_argument('--frames', type=int, default=200); p.add_argument('--json', default='bench/results/train.json')
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    rows = []
    for name, cfg in (('mvm', HDTConfig(**TRAIN_PRESETS['mvm'].model)), ('full', HDTConfig())):
        fp32, bf16 = windows_per_s(cfg, False, a.batch, a.frames), windows_per_s(cfg, True, a.batch, a.frames)
        rows.append(dict(model=name, params=count_parameters(HDT(cfg)), fp32_windows_per_s=round(fp32, 1),
                         bf16_windows_per_s=round(bf16, 1), bf16_speedup=round(bf16 / fp32, 2)))
    print(f"{'model':<6}{'params':>11}{'fp32 win/s':>12}{'bf16 win/s':>12}{'bf16/fp32':>11}   "
          f"({a.batch} windows x {a.frames} frames, {a.threads} threads, {torch.__version__})")
    for r in rows: print(f"{r['model']:<6}{r['params']:>11,}{r['fp32_windows_per_s']:>12}{r['bf16_windows_per_s']:>12}{r['bf16_speedup']:>11}")
    write_json(a.json, dict(batch=a.batch, frames=a.frames, threads=a.threads, torch=torch.__version__, rows=rows))

if __name__ == '__main__': main()
