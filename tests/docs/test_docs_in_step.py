"""Documents generated from the code stay in step with it."""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_the_names_templates_can_use_are_documented():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "template-names.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
