"""The documented offline installation (docs/python.md): `cmake --install BUILD --prefix VENV`
into a virtual environment made by Debian's Python, then `import tradelint` from it, with no
PYTHONPATH and no TRADELINT_DATA_DIR, finding the data installed beside it."""
import os
import subprocess
import sys


def test_cmake_install_into_a_virtual_environment(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip",
                    str(venv)], check=True)
    subprocess.run(["cmake", "--install", os.environ["TRADELINT_BUILD_DIR"], "--prefix",
                    str(venv), "--component", "python"], check=True, capture_output=True)
    subprocess.run(["cmake", "--install", os.environ["TRADELINT_BUILD_DIR"], "--prefix",
                    str(venv), "--component", "data"], check=True, capture_output=True)
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "TRADELINT_DATA_DIR")}
    script = ("import tradelint; e = tradelint.Engine(); "
              "print(tradelint.__file__); print(e._engine.data_directory); "
              "print(e.check({'kind': 'listing', 'id': 'A'}, markets='DE')[0]['verdict'])")
    process = subprocess.run([str(venv / "bin" / "python"), "-c", script], capture_output=True,
                             text=True, env=env, cwd=str(tmp_path), check=True)
    package, data, verdict = process.stdout.split()
    assert package.startswith(str(venv / "lib"))
    assert data == str(venv / "share" / "tradelint")
    assert verdict in ("fail", "warn")
