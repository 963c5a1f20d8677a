"""The test suite's settings: the project's, with debug on and a fixed key unless the environment says otherwise.

Set in the environment (not only here) so that the servers the live tests start inherit them: their selfcheck
tokens and signed values must verify in this process, and they serve static files from the finders like `make dev`.
"""

import os

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("SECRET_KEY", "tests-only-key-never-used-by-an-installation-0123456789abcdef")

from wonder.settings import *  # noqa: E402,F403
