"""Streaming cost and latency on this CPU, one thread, all models in one run: the HDT streamed with explicit state in
torch (`streaming.HDTStream`) and in ONNX Runtime (`export.StreamRunner`, and the bare exported step without the
Python driver), against the MobilePoser-style and TransPose-style networks re-run over their online window for
every new frame, in torch and in ONNX Runtime.

    OMP_NUM_THREADS=1 .venv/bin/python bench/streaming.py [--model mvm] [--seconds 10] [--json bench/results/streaming.json]

`cpu_ms_per_s_stream`: this thread's CPU time (`time.thread_time`) to produce one second of 60 Hz outputs frame by
frame, median of `--repeats` (below 1000 keeps up with real time). `latency_ms`: from a sample's arrival to its
pose, the frames the model must wait for (the HDT is causal: 0; the peers' online windows end 5 frames after the
frame they answer for) plus the median compute per frame. The peers' weights are untrained (cost does not depend
on them); their sizes are the published ones (`baselines`). Artefact sizes are those `export` writes.
"""
import argparse, tempfile, time, warnings
from pathlib import Path
import numpy as np
import torch
from common import write_json, CONTEXT, FUTURE
from quantumleap_pose import load_model
from quantumleap_pose.shipping import build_network
from quantumleap_pose.streaming import HDTStream, STATE, OUTPUTS, UPDATES, advance
from quantumleap_pose.export import export_onnx, export_coreml, onnx_session, ort_session, onnx_file, quiet, StreamRunner, package_bytes


def per_frame_ms(step, frames, repeats):
    "Median over repeats of this thread's CPU ms per frame for step(frame) over all frames."
    times = []
    for _ in range(repeats):
        t = time.thread_time()
        for f in frames: step(f)
        times.append((time.thread_time() - t) / len(frames) * 1000)
    return float(np.median(times))

def row(model, ms, rate, wait_frames, **extra):
    return dict(model=model, cpu_ms_per_s_stream=ms * rate, latency_ms=1000 * wait_frames / rate + ms, compute_ms_per_frame=ms,
                wait_frames=wait_frames, **extra)

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--model', default='mvm', help='shipped HDT name or .safetensors path')
    p.add_argument('--seconds', type=float, default=10., help='seconds of stream per repeat for the HDT')
    p.add_argument('--repeats', type=int, default=3)
    p.add_argument('--json', default='bench/results/streaming.json')
    a = p.parse_args()
    torch.set_num_threads(1)
    warnings.filterwarnings('ignore')
    m = load_model(a.model); rate, S = m.card['input']['sample_rate_hz'], len(m.card['input']['slots'])
    mask = np.isin(m.card['input']['slots'], ('pocket_R', 'watch_L'))           # phone + watch
    rng = np.random.default_rng(0)
    n = int(a.seconds * rate)
    frames = (m.standardize.mean.numpy() + m.standardize.std.numpy() * rng.standard_normal((n, S, 6))).astype(np.float32)
    out = Path(tempfile.mkdtemp())
    paths = export_onnx(m, out)
    rows = []
    s = HDTStream(m, mask); rows.append(row('hdt_torch', per_frame_ms(s.step, frames, a.repeats), rate, 0, runtime='torch HDTStream'))
    r = StreamRunner(paths['stream'], mask); rows.append(row('hdt_onnx', per_frame_ms(r.step, frames, a.repeats), rate, 0, runtime='onnxruntime StreamRunner'))
    sess, _ = onnx_session(paths['stream']); st = r.initial_state()
    def bare(f):                                                              # the exported step and the cache write, no driver
        nonlocal st
        res = sess.run(None, dict(frame=f, mask=mask, **{f'{k}_in': st[k] for k in STATE}))
        st = advance(st, dict(zip(UPDATES, res[len(OUTPUTS):])))
    rows.append(row('hdt_onnx_step', per_frame_ms(bare, frames, a.repeats), rate, 0, runtime='onnxruntime session.run only'))
    for arch, W in CONTEXT.items():                                           # the peers: their window re-run for every frame
        net = build_network(arch, dict(n_sensors=S)).eval()
        x, mk = torch.from_numpy(frames[:W][None]), torch.from_numpy(mask)[None]
        k = min(n, int(2 * rate))                                             # two seconds of frames
        with torch.inference_mode():
            rows.append(row(f'{arch}_torch', per_frame_ms(lambda _: net(x, mk), range(k), a.repeats), rate, FUTURE, params=sum(q.numel() for q in net.parameters())))
        path = out / f'{arch}.onnx'
        with torch.no_grad(): onnx_file(net, (x, mk), path, ('imu', 'mask'), ('pose_mean',), {})
        ps = ort_session(path)
        feed = dict(imu=x.numpy(), mask=mk.numpy())
        rows.append(row(f'{arch}_onnx', per_frame_ms(lambda _: ps.run(None, feed), range(k), a.repeats), rate, FUTURE, bytes=path.stat().st_size))
    ref = next(x for x in rows if x['model'] == 'mobileposer_torch')['cpu_ms_per_s_stream']
    for x in rows: x['cpu_vs_mobileposer_torch'] = round(x['cpu_ms_per_s_stream'] / ref, 4)
    with quiet(): cm = export_coreml(m, out, 'fp16') | {f'{k}_fp32': v for k, v in export_coreml(m, out, 'fp32').items()}
    sizes = {p.name: package_bytes(p) for p in [*paths.values(), *cm.values()]}
    print(f"{'model':<20}{'CPU ms/s':>10}{'latency ms':>12}{'ms/frame':>10}{'vs MP torch':>13}")
    for x in rows: print(f"{x['model']:<20}{x['cpu_ms_per_s_stream']:>10.1f}{x['latency_ms']:>12.1f}{x['compute_ms_per_frame']:>10.3f}{x['cpu_vs_mobileposer_torch']:>13.3f}")
    print('artefacts:', ', '.join(f'{k} {v / 1e6:.3f} MB' for k, v in sizes.items()))
    write_json(a.json, rows + [dict(model='artefact_bytes', **sizes)])

if __name__ == '__main__': main()
