"""Fuzzing the recording readers: hypothesis-generated exports (valid Sensor Logger CSV / zip / JSON variants of
every layout, CoreMotion and MetaWear files, each corrupted by up to two of `CORRUPTIONS` or not) read
by `read_recording`. Every outcome must be a Recording that passes `fuzz_outcome`'s checks or a `RecordingError`
naming its file: anything else is a crash. Prints a table and writes bench/results/recordings_fuzz.json.

    OMP_NUM_THREADS=1 .venv/bin/python bench/recordings_fuzz.py [--cases 10000] [--seed 0]
"""

import argparse, io, json, os, platform, time, zipfile
from collections import Counter
from datetime import datetime, timezone, timedelta
from pathlib import Path
import numpy as np
from hypothesis import given, settings, HealthCheck, Phase, seed as hyp_seed
from quantumleap_pose.simulation import G
from quantumleap_pose.dataset import SLOTS
from quantumleap_pose.recordings import (RecordingError, ERROR_KINDS, DEFAULT_DEVICES, ACC_LIMIT, GYRO_LIMIT, read_recording,
                                         sensor_logger_files, sensor_logger_json)

CORRUPTIONS = ('truncate_row', 'truncate_file', 'drop_header', 'drop_column', 'rename_header', 'nan_cell', 'text_cell', 'empty_cell',
               'duplicate_rows', 'swap_rows', 'time_back', 'empty_file', 'header_only', 'absurd_values', 'absurd_time', 'mixed_units',
               'garbage', 'non_utf8', 'nul', 'delete_file', 'metadata_garbage', 'huge_field',
               'zip_wrong_content', 'zip_bomb', 'zip_traversal', 'not_a_zip', 'zip_declared_size', 'zip_duplicate',
               'json_truncated', 'json_object', 'json_no_sensor', 'json_nested', 'json_deep')
_BOMB = []

def _signal(t, rng):
    ph = rng.uniform(0, 2 * np.pi, 7)
    a = 0.8 * np.sin(2 * np.pi * 0.5 * t + ph[0])
    f = G * np.c_[np.sin(a), 0 * t, np.cos(a)] + np.c_[[np.sin(2 * np.pi * (1 + i) * t + ph[1 + i]) for i in range(3)]].T
    return np.c_[f, np.c_[[np.sin(2 * np.pi * (0.7 + i) * t + ph[4 + i]) for i in range(3)]].T]

def _zip(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        for n, d in entries.items(): z.writestr(n, d)
    return buf.getvalue()

def _edit(files, op, rng):
    "Apply one corruption to {name: bytes} (in place); zip and JSON corruptions return the new source."
    names = sorted(files)
    if not names: return None
    f = names[rng.integers(len(names))]
    lines = files[f].decode('utf-8', 'replace').split('\n')
    row = lambda: int(rng.integers(1, max(2, len(lines) - 1)))
    cells = lambda i: lines[i].split(',') if i < len(lines) else []
    def put(i, j, v):
        c = cells(i)
        if c: c[j % len(c)] = v; lines[i] = ','.join(c)
    if op == 'truncate_row': i = row(); lines[i % len(lines)] = lines[i % len(lines)][:int(rng.integers(0, len(lines[i % len(lines)]) + 1))]
    elif op == 'truncate_file': files[f] = files[f][:int(rng.integers(0, len(files[f]) + 1))]; return None
    elif op == 'drop_header': c = cells(0); c.pop(int(rng.integers(len(c)))); lines[0] = ','.join(c)
    elif op == 'drop_column':
        j = int(rng.integers(len(cells(0))))
        lines = [','.join(c[:j] + c[j + 1:]) for c in (l.split(',') for l in lines)]
    elif op == 'rename_header': put(0, int(rng.integers(9)), 'X' + str(rng.integers(100)))
    elif op in ('nan_cell', 'text_cell', 'empty_cell'): put(row(), int(rng.integers(9)), {'nan_cell': 'NaN', 'text_cell': 'abc', 'empty_cell': ''}[op])
    elif op == 'duplicate_rows': i = row(); lines[i:i] = [lines[i % len(lines)]] * int(rng.integers(1, 4))
    elif op == 'swap_rows': i = row(); lines[i], lines[i - 1 if i > 1 else i] = lines[i - 1 if i > 1 else i], lines[i]
    elif op == 'time_back':
        i = row()
        for k in range(i, len(lines)):
            c = cells(k)
            if len(c) > 1:
                try: c[1] = repr(float(c[1]) - 5); lines[k] = ','.join(c)
                except ValueError: pass
    elif op == 'empty_file': files[f] = b''; return None
    elif op == 'header_only': lines = lines[:1]
    elif op == 'absurd_values':
        j, i = int(rng.integers(2, 9)), row()
        for k in range(i, min(len(lines), i + int(rng.choice([1, 1000])))): put(k, j, '1e30')
    elif op == 'absurd_time': put(row(), int(rng.integers(2)), '1e12')
    elif op == 'mixed_units':
        scale = float(rng.choice([1 / G, G, 1000.]))
        for k in range(1, len(lines)):
            c = cells(k)
            try: lines[k] = ','.join(c[:2] + [repr(float(v) * scale) for v in c[2:]])
            except ValueError: pass
    elif op == 'garbage': files[f] = rng.bytes(int(rng.integers(1, 2000))); return None
    elif op == 'non_utf8': files[f] = files[f][:20] + b'\xff\xfe\xfa' + files[f][20:]; return None
    elif op == 'nul': files[f] = files[f][:30] + b'\x00' + files[f][30:]; return None
    elif op == 'delete_file': del files[f]; return None
    elif op == 'metadata_garbage':
        if 'Metadata.csv' in files: files['Metadata.csv'] = rng.choice([b'version,platform\n4,symbian\n', b'version,platform\n', b'platform,standardisation\nios,maybe\n'])
        return None
    elif op == 'huge_field': put(row(), 2, '9' * 200_000)
    elif op == 'zip_wrong_content': return _zip({n.replace('.csv', '.txt'): d for n, d in files.items()} | {'Accelerometer.csv': rng.bytes(300)})
    elif op == 'zip_bomb':
        if not _BOMB: _BOMB.append(_zip({'Accelerometer.csv': bytes(64 << 20)}))
        return _BOMB[0]
    elif op == 'zip_traversal': return _zip(files | {str(rng.choice(['../Gyroscope.csv', '/etc/Gravity.csv', 'a/../../x.csv', 'C:/x.csv'])): b'x'})
    elif op == 'not_a_zip': return b'PK\x03\x04' + rng.bytes(200)
    elif op == 'zip_declared_size':
        z = bytearray(_zip(files)); k = z.find(b'PK\x01\x02')
        if k >= 0: z[k + 24:k + 28] = (0xFFFFFFF0).to_bytes(4, 'little')
        return bytes(z)
    elif op == 'zip_duplicate': return _zip({f'a/{n}': d for n, d in files.items()} | {f'b/{f}': files[f]})
    elif op.startswith('json'):
        try: js = sensor_logger_json(files) if all(n.endswith('.csv') for n in files) else files[f]
        except RecordingError: js = files[f]                        # a CSV already corrupted: its bytes as the JSON
        try: recs = json.loads(js)
        except (ValueError, RecursionError): recs = []
        if not isinstance(recs, list): recs = []
        if op == 'json_truncated': js = js[:int(rng.integers(0, len(js) + 1))]
        elif op == 'json_object': js = json.dumps({'records': recs[:5]}).encode()
        elif op == 'json_no_sensor' and recs: recs[int(rng.integers(len(recs)))].pop('sensor', None); js = json.dumps(recs).encode()
        elif op == 'json_nested' and recs: recs[int(rng.integers(len(recs)))]['x'] = {'v': 1}; js = json.dumps(recs).encode()
        elif op == 'json_deep': js = b'[' * 100_000 + b']' * 100_000
        return {'export.json': js}
    files[f] = '\n'.join(lines).encode()
    return None

def _valid_export(draw, st, rng):
    "A valid source of a random layout: (label, {name: bytes} or zip bytes)."
    kind = draw(st.sampled_from(['sensor_logger', 'sensor_logger', 'sensor_logger_json', 'coremotion', 'metawear']))
    fs = draw(st.sampled_from([12.5, 25., 50., 60., 100., 200., 500.]))
    n = max(8, round(draw(st.floats(0.5, 2.5)) * fs))
    t = np.sort(np.arange(n) / fs + rng.normal(0, 0.03 / fs, n)) + draw(st.floats(-0.05, 0.05))
    if kind == 'coremotion':
        x = _signal(t, rng); grav = x[:, :3] * 0.98 / G
        stamp = lambda v: (datetime(2024, 5, 1, 18, 2, 11, tzinfo=timezone.utc) + timedelta(seconds=float(v))).strftime('%Y-%m-%d %H:%M:%S:%f')[:-3]
        rows = [f'{stamp(v)},' + ','.join(f'{c:.2f}' for c in (*(-g), *(-(xx[:3] / G - g)), *xx[3:])) for v, g, xx in zip(t, grav, x)]
        head = 'loggingTime,xGravity,yGravity,zGravity,xAcceleration,yAcceleration,zAcceleration,xRotationRate,yRotationRate,zRotationRate'
        return 'coremotion', {'motion.csv': ('\n' + head + '\n' + '\n'.join(rows) + '\n').encode()}
    if kind == 'metawear':
        x = _signal(t, rng); t2 = t[::2]
        acc = 'epoch (ms),time (01:00),elapsed (s),x-axis (g),y-axis (g),z-axis (g)\n' + ''.join(
            f'{1714586531000 + round(v * 1000)},{v:.3f},{v:.3f},' + ','.join(f'{c / G:.4f}' for c in xx[:3]) + '\n' for v, xx in zip(t2, x[::2]))
        gyr = 'epoch (ms),time (01:00),elapsed (s),x-axis (deg/s),y-axis (deg/s),z-axis (deg/s)\n' + ''.join(
            f'{1714586531000 + round(v * 1000)},{v:.3f},{v:.3f},' + ','.join(f'{np.degrees(c):.3f}' for c in xx[3:]) + '\n' for v, xx in zip(t, x))
        return 'metawear', {'band_Accelerometer.csv': acc.encode(), 'band_Gyroscope.csv': gyr.encode()}
    plat = draw(st.sampled_from(['ios', 'android']))
    devs = {'phone': 'pocket_R'} if plat == 'android' else {d: s for d, s in DEFAULT_DEVICES.items() if draw(st.booleans())} or {'phone': 'pocket_L'}
    imu = np.zeros((n, len(SLOTS), 6))
    for s in devs.values(): imu[:, SLOTS.index(s)] = _signal(t, rng)
    files = sensor_logger_files(t, imu, devs, plat, draw(st.booleans()), draw(st.sampled_from([None, 2, 3, 4, 4])),
                                draw(st.sampled_from(['new', 'new', 'old'])), wrist_motion=draw(st.sampled_from(['WristMotion', 'Wrist Motion'])))
    extra = draw(st.sampled_from(['', 'orientation_new', 'orientation_old', 'annotation', 'decimate', 'zeros', 'gravity_in_g']))
    if extra.startswith('orientation'):
        q = rng.normal(size=(n, 4)); q /= np.linalg.norm(q, axis=1, keepdims=True)
        cols = ['qz', 'qy', 'qx', 'qw', 'roll', 'pitch', 'yaw'] if extra == 'orientation_new' else ['yaw', 'qx', 'qz', 'roll', 'qw', 'qy', 'pitch']
        val = dict(qw=q[:, 0], qx=q[:, 1], qy=q[:, 2], qz=q[:, 3], roll=q[:, 0], pitch=q[:, 1], yaw=q[:, 2])
        files['Orientation.csv'] = ('time,seconds_elapsed,' + ','.join(cols) + '\n' + ''.join(
            f'{k},{v!r},' + ','.join(repr(float(val[c][k])) for c in cols) + '\n' for k, v in enumerate(t))).encode()
    elif extra == 'annotation': files['Annotation.csv'] = b''
    elif extra == 'decimate':                                   # streams at different rates (Android gyro at 5x the accelerometer's)
        for name in [m for m in files if m != 'Metadata.csv'][:2]:
            ls = files[name].decode().split('\n'); files[name] = '\n'.join(ls[:1] + ls[1::2]).encode()
    elif extra == 'zeros' and 'Accelerometer.csv' in files:
        ls = files['Accelerometer.csv'].decode().split('\n'); lead = 2 if 'seconds_elapsed' in ls[0] else 1
        for k in (1, 2): c = ls[k].split(','); ls[k] = ','.join(c[:lead] + ['0.0'] * 3)
        files['Accelerometer.csv'] = '\n'.join(ls).encode()
    elif extra == 'gravity_in_g' and 'Gravity.csv' in files:
        ls = files['Gravity.csv'].decode().split('\n'); lead = 2 if 'seconds_elapsed' in ls[0] else 1
        files['Gravity.csv'] = '\n'.join(ls[:1] + [','.join(c[:lead] + [repr(float(v) / G) for v in c[lead:]]) for c in (l.split(',') for l in ls[1:] if l)]).encode()
    label = f'sensor_logger {plat}' + (f' {extra}' if extra else '')
    if kind == 'sensor_logger_json': return label + ' json', {'export.json': sensor_logger_json(files)}
    container = draw(st.sampled_from(['dict', 'dict', 'zip', 'zip_folder']))
    if container == 'zip': return label + ' zip', _zip(files)
    if container == 'zip_folder': return label + ' zip', _zip({f'2024-05-01_18-02-11/{k}': v for k, v in files.items()})
    return label, files

def fuzz_exports():
    "Hypothesis strategy of (label, source): valid exports of every supported layout, each corrupted by up to two CORRUPTIONS (or not)."
    from hypothesis import strategies as st
    @st.composite
    def export(draw):
        rng = np.random.default_rng(draw(st.integers(0, 2 ** 32 - 1)))
        label, src = _valid_export(draw, st, rng)
        ops, done = draw(st.lists(st.sampled_from(CORRUPTIONS), max_size=2)) if draw(st.integers(0, 3)) else [], []
        for op in ops:
            if not isinstance(src, dict):                               # already a zip: only cutting it short applies
                if op == 'truncate_file': src = src[:int(rng.integers(0, len(src) + 1))]; done.append(op)
                continue
            done.append(op)
            try: new = _edit(src, op, rng)
            except (IndexError, ValueError, KeyError): new = None     # an edit that does not fit this file: it stays as it is
            if new is not None: src = new
        return ' + '.join([label] + done), src
    return export()

def fuzz_outcome(source, rate: float = 60.) -> str:
    "'ok' (and the Recording checked), 'error: KIND' for a RecordingError naming its file, or 'crash: ...' for anything else."
    try: rec = read_recording(source, rate=rate, columns=None)
    except RecordingError as e:
        if not (e.file and str(e).startswith(e.file) and 'expected' in str(e) and e.kind in ERROR_KINDS): return f'crash: RecordingError without file or expectation: {e}'
        return f'error: {e.kind}'
    except Exception as e: return f'crash: {type(e).__name__}: {str(e)[:200]}'
    T = len(rec.t)
    acc, gyro = np.abs(rec.imu[..., :3]), np.abs(rec.imu[..., 3:])
    checks = dict(shape=rec.imu.shape == (T, len(SLOTS), 6) and rec.present.shape == (T, len(SLOTS)) and rec.imu.dtype == np.float32,
                  finite=bool(np.isfinite(rec.imu).all()), absent_zero=bool((rec.imu[~rec.present] == 0).all()),
                  physical=bool((acc <= ACC_LIMIT * 1.0001).all() and (gyro <= GYRO_LIMIT * 1.0001).all()),
                  clock=T < 2 or bool(np.allclose(np.diff(rec.t), 1 / rate)), some_present=bool(rec.present.any()))
    try: json.dumps(rec.quality)
    except (TypeError, ValueError): checks['quality_json'] = False
    bad = [k for k, v in checks.items() if not v]
    return f'crash: invalid Recording ({", ".join(bad)})' if bad else 'ok'

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--cases', type=int, default=10_000)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--json', default=str(Path(__file__).parent / 'results' / 'recordings_fuzz.json'))
    a = ap.parse_args()
    from common import write_json                # bench/common.py (imported here: tests import the generator alone)
    outcomes, by_op, crashes = Counter(), Counter(), []

    @hyp_seed(a.seed)
    @settings(max_examples=a.cases, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(fuzz_exports())
    def case(c):
        label, src = c
        o = fuzz_outcome(src)
        outcomes['crash' if o.startswith('crash') else o] += 1
        for op in label.split(' + ')[1:] or ['(valid)']: by_op[op, 'ok' if o == 'ok' else 'error' if o.startswith('error') else 'crash'] += 1
        if o.startswith('crash') and len(crashes) < 20: crashes.append(dict(case=label, outcome=o))

    t = time.perf_counter()
    case()
    secs = time.perf_counter() - t
    n = sum(outcomes.values())
    print(f'recordings fuzz: {n} cases in {secs:.0f} s ({1000 * secs / n:.1f} ms each), seed {a.seed}, OMP_NUM_THREADS={os.environ.get("OMP_NUM_THREADS")}')
    print(f'{"outcome":<22}{"cases":>8}{"share":>8}')
    for k, v in sorted(outcomes.items(), key=lambda kv: -kv[1]): print(f'{k:<22}{v:>8}{v / n:>8.1%}')
    print(f'\n{"corruption":<20}{"ok":>7}{"error":>7}{"crash":>7}')
    for op in ('(valid)',) + CORRUPTIONS:
        print(f'{op:<20}' + ''.join(f'{by_op[op, k]:>7}' for k in ('ok', 'error', 'crash')))
    for c in crashes: print('CRASH', c)
    write_json(a.json, dict(benchmark='recordings_fuzz', cases=n, crashes=outcomes['crash'], seconds=round(secs, 1), seed=a.seed,
                            outcomes=dict(outcomes), error_kinds={k[len('error: '):]: v for k, v in outcomes.items() if k.startswith('error')},
                            by_corruption={op: {k: by_op[op, k] for k in ('ok', 'error', 'crash')} for op in ('(valid)',) + CORRUPTIONS},
                            crash_examples=crashes, machine=platform.machine(), python=platform.python_version()))

if __name__ == '__main__': main()
