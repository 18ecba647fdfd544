"""The recording readers under fuzzing: 300 derandomized hypothesis cases from bench/recordings_fuzz.py's generator
(valid exports of every layout, each corrupted by up to two of its CORRUPTIONS or not) through the same check the
benchmark makes. Every outcome must be a checked Recording ('ok') or a RecordingError naming its file and what was
expected ('error: KIND'); anything else is a crash. The benchmark itself runs 10,000 cases."""
import sys
from collections import Counter
from pathlib import Path
from hypothesis import given, settings, HealthCheck

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'bench'))
from recordings_fuzz import fuzz_exports, fuzz_outcome, CORRUPTIONS   # noqa: E402  (bench/ is not a package)

def test_no_crash_on_fuzzed_recordings():
    outcomes, crashes, ops = Counter(), [], Counter()

    @settings(max_examples=300, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(fuzz_exports())
    def case(c):
        label, src = c
        o = fuzz_outcome(src)
        outcomes[o.split(':')[0]] += 1
        ops.update(label.split(' + ')[1:])
        if o.startswith('crash'): crashes.append((label, o))

    case()
    assert not crashes, crashes[:5]
    assert sum(outcomes.values()) == 300, outcomes                       # every case ran
    assert outcomes['ok'] and outcomes['error'], outcomes                # both valid reads and refusals were exercised
    assert set(ops) <= set(CORRUPTIONS) and len(ops) > len(CORRUPTIONS) // 2, ops
