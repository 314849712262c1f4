"""Build hearsay._core with the project's own CMake build (the repository root is two levels up),
so that a wheel holds exactly the module `cmake --build` makes. Metadata lives in pyproject.toml."""

import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def version() -> str:
    header = (ROOT / "include" / "hearsay" / "version.hpp").read_text(encoding="utf-8")
    return re.search(r'#define HEARSAY_VERSION_STRING "([^"]+)"', header).group(1)


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        if not (ROOT / "CMakeLists.txt").is_file():
            raise RuntimeError(f"hearsay: no CMake project at {ROOT}; build from a checkout")
        config = "Debug" if self.debug else "Release"
        build_dir = Path(self.build_temp).resolve() / "cmake"
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir),
            f"-DCMAKE_BUILD_TYPE={config}",
            f"-DPython_EXECUTABLE={sys.executable}",
            "-DHEARSAY_BUILD_PYTHON=ON",
            "-DHEARSAY_BUILD_TESTS=OFF",
            "-DHEARSAY_BUILD_CLI=OFF",
            "-DHEARSAY_BUILD_BENCH=OFF",
            "-DHEARSAY_BUILD_FUZZ=OFF",
            "-DHEARSAY_INSTALL=OFF",
        ] + shlex.split(os.environ.get("CMAKE_ARGS", ""))
        subprocess.run(configure, check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(os.cpu_count() or 1)
        subprocess.run(
            ["cmake", "--build", str(build_dir), "--target", "hearsay_python", "--config", config,
             "--parallel", jobs],
            check=True,
        )
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        built = build_dir / "python" / "hearsay" / f"_core{suffix}"
        if not built.is_file():
            raise RuntimeError(f"hearsay: CMake did not produce {built}")
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)
        if config == "Release" and shutil.which("strip"):
            subprocess.run(["strip", "--strip-unneeded", str(target)], check=True)


setup(
    version=version(),
    ext_modules=[CMakeExtension("hearsay._core")],
    cmdclass={"build_ext": CMakeBuild},
)
