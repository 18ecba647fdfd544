"""The offline docs site (`make docs`, run by `make test` before these tests) opened in a real browser, headless Chromium:
every page without a console error, every link between pages resolving, search finding pages, and the 3D skeleton
drawn (a non-blank WebGL canvas), on its own and inside its docs page — with screenshots kept in _docs/screenshots/. Skipped, saying why, where Chromium is not installed
(Debian: `apt-get install chromium`) or the docs were not built."""
import re, shutil, subprocess
from pathlib import Path
import numpy as np
import pytest

DOCS = Path(__file__).resolve().parents[1] / '_docs'
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser') or shutil.which('google-chrome')
pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason='no Chromium on this machine (apt-get install chromium)'),
              pytest.mark.skipif(not (DOCS / 'searchindex.js').exists(), reason='the docs are not built (make docs)')]
PAGES = sorted(DOCS.glob('*.html'))

def browse(page: Path, *args, budget_ms: int = 3000) -> subprocess.CompletedProcess:
    "Open `page` in headless Chromium with software WebGL, logging the console to stderr."
    return subprocess.run([CHROMIUM, '--headless=new', '--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
                           '--enable-logging=stderr', '--v=0', f'--virtual-time-budget={budget_ms}', '--window-size=1000,700', *args,
                           page.resolve().as_uri()], capture_output=True, text=True, timeout=180)

@pytest.mark.parametrize('page', PAGES, ids=[p.name for p in PAGES])
def test_page_has_no_console_error(page):
    log = browse(page, '--dump-dom', budget_ms=8000 if page.name.startswith('skeleton') else 3000).stderr
    messages = re.findall(r'INFO:CONSOLE[^\]]*\] "(.*)", source', log)
    assert not [m for m in messages if re.search(r'error|uncaught|failed', m, re.I)], messages

def test_links_between_pages_resolve():
    broken = [(p.name, href) for p in PAGES for href in re.findall(r'href="([^"#:?]+\.html)', p.read_text(errors='replace'))
              if not (p.parent / href).exists()]
    assert not broken, broken

def test_search_finds_pages():
    dom = subprocess.run([CHROMIUM, '--headless=new', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=5000', '--dump-dom',
                          (DOCS / 'search.html').resolve().as_uri() + '?q=coverage'], capture_output=True, text=True, timeout=180).stdout
    found = re.search(r'found (\d+) page', dom)
    assert found and int(found.group(1)) >= 3, dom[-500:]                # coverage: metrics, calibration, evaluation, ...
    assert 'href="metrics.html' in dom

def blue_pixels(png: Path, rows: slice, cols: slice) -> int:
    "Pixels of the predicted skeleton's royal blue inside a screenshot's region."
    from PIL import Image
    plot = np.asarray(Image.open(png).convert('RGB')).astype(int)[rows, cols]
    return int(((abs(plot[..., 0] - 65) < 40) & (abs(plot[..., 1] - 105) < 40) & (plot[..., 2] > 190)).sum())

def test_3d_skeleton_renders():
    png = DOCS / 'screenshots' / 'skeleton_test.png'; png.parent.mkdir(exist_ok=True)
    browse(DOCS / 'skeleton_3d.html', f'--screenshot={png}', budget_ms=8000)
    assert blue_pixels(png, slice(60, 460), slice(200, 800)) > 500       # the WebGL scene; a blank scene or a text page has under 20

def test_3d_skeleton_renders_in_its_docs_page():
    png = DOCS / 'screenshots' / 'skeleton_page_test.png'
    browse(DOCS / 'skeleton.html', f'--screenshot={png}', '--window-size=1400,900', budget_ms=10000)
    assert blue_pixels(png, slice(230, 640), slice(330, 1030)) > 500     # inside the iframe, right of the (blue-linked) sidebar
