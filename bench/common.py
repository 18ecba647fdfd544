"""Shared pieces of the benchmark scripts: the bare mj_inverse baseline and JSON output (atomic, through `files`)."""
import time
from pathlib import Path
import numpy as np
import mujoco
from quantumleap_pose import files

CONTEXT = {'mobileposer': 45, 'transpose': 26}   # the peers' published online windows (frames re-run per output frame)
FUTURE = 5                                       # frames of the future each peer's online window waits for (its latency)

def mj_inverse_frames_per_s(model, qpos, qvel, qacc, repeats: int = 3) -> float:
    "Frames per second of bare mj_inverse (contacts off, as in playback) over the given frames, best of `repeats`."
    d = mujoco.MjData(model)
    model.opt.disableflags |= mujoco.mjtDisableBit.mjDSBL_CONTACT
    best = np.inf
    for _ in range(repeats):
        t = time.perf_counter()
        for q, v, a in zip(qpos, qvel, qacc):
            d.qpos[:], d.qvel[:], d.qacc[:] = q, v, a
            mujoco.mj_inverse(model, d)
        best = min(best, time.perf_counter() - t)
    return len(qpos) / best

def write_json(path, obj):
    "Write a benchmark's JSON atomically and say where."
    path = Path(path); path.parent.mkdir(parents=True, exist_ok=True)
    files.write_json(path, obj)
    print(f'wrote {path}')
