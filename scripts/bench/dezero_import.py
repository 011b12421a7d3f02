"""Puts the book's `dezero` package on sys.path for the benchmarks, without copying it here.

Its folder comes from the environment variable DEZERO_PYTHON (e.g.
/work/shared/reference/dezero-python). dezero.datasets and dezero.transforms import matplotlib
and PIL for plotting and images; the benchmarks use neither, so empty modules stand in when they
are not installed. Importing this module is all a benchmark needs before `import dezero`.
"""
import os
import sys
import types
import warnings

sys.path.insert(0, os.environ['DEZERO_PYTHON'])
for name in ('matplotlib', 'matplotlib.pyplot', 'PIL', 'PIL.Image'):
    try:
        __import__(name)
    except ImportError:
        sys.modules[name] = types.ModuleType(name)
sys.modules['PIL'].Image = sys.modules['PIL.Image']
if not hasattr(sys.modules['PIL.Image'], 'BILINEAR'):
    sys.modules['PIL.Image'].BILINEAR = 2  # a default argument in dezero.transforms.Resize
warnings.filterwarnings('ignore', category=SyntaxWarning)
