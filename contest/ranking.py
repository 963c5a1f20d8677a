"""Ranking maths: the Wilson lower bound for "top", and the Bradley-Terry arena board with bootstrap intervals.

Pure functions over ids and numpy arrays (no models); ``contest.services`` feeds them rows and stores the result.

Arena model (Bradley & Terry 1952): entry ``i`` has a log-strength ``theta[i]`` and beats ``j`` with probability
``sigmoid(theta[i] - theta[j])``. Decisions, all documented where they live:

- a tie counts as half a win for each side (the fractional-outcome likelihood used by Chatbot Arena), not
  Davidson's (1970) model: the board needs strengths and intervals only, and a tie pulls the two strengths together
  without an extra tie parameter to fit;
- a weak prior: each entry plays ``prior`` virtual tied games against the average entry (the mean log-strength), so
  an undefeated, winless, or disconnected entry stays finite, and the objective stays shift-invariant (strengths are
  reported centred to mean 0);
- the fit is Newton's method on that concave objective, with conjugate gradients on the sparse Hessian (a weighted
  graph Laplacian), so 10,000 entries and 200,000 comparisons fit in a fraction of a second;
- intervals come from a nonparametric bootstrap over comparisons, the replicates refitted from the full fit many
  at once (see :func:`bootstrap_intervals`): 10,000 entries, 200,000 comparisons and B = 200 take about 3 s.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike
from scipy.special import expit

Z_95 = 1.959963984540054
# Virtual tied games per entry against the average entry (see the module docstring).
DEFAULT_PRIOR = 1.0
DEFAULT_BOOTSTRAP = 200
# Bootstrap replicates are refitted in chunks so that one (comparisons x chunk) float32 array stays ~16 MB.
_CHUNK_CELLS = 4_000_000


# --- Wilson lower bound ----------------------------------------------------------------------------------------


def wilson_lower_bound(positive: int, total: int, z: float = Z_95) -> float:
    """Lower bound of the Wilson score interval for a proportion ``positive / total``; 0.0 when ``total`` is 0."""
    return float(wilson_lower_bounds(positive, total, z))


def wilson_lower_bounds(positive: ArrayLike, total: ArrayLike, z: float = Z_95) -> np.ndarray:
    """:func:`wilson_lower_bound` over arrays (broadcast); 0.0 where ``total`` is 0."""
    k = np.asarray(positive, dtype=np.float64)
    n = np.asarray(total, dtype=np.float64)
    if np.any(n < 0) or np.any(k < 0) or np.any(k > n):
        raise ValueError("need 0 <= positive <= total")
    # Wilson (1927): (p + z²/2n - z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n); n = 0 is given 0 (no evidence).
    safe = np.where(n > 0, n, 1.0)
    p = k / safe
    z2 = z * z
    centre = p + z2 / (2 * safe)
    spread = z * np.sqrt(p * (1 - p) / safe + z2 / (4 * safe * safe))
    low = (centre - spread) / (1 + z2 / safe)
    return np.where(n > 0, np.clip(low, 0.0, 1.0), 0.0)


# --- Bradley-Terry fit -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Design:
    """Comparisons as arrays: side ``a`` scored ``y`` (1 win, 0.5 tie) against side ``b``, with a weight each."""

    n: int
    a: np.ndarray
    b: np.ndarray
    y: np.ndarray
    w: np.ndarray
    prior: float

    def incidence(self) -> sp.csr_matrix:
        """The (comparisons x items) matrix D with +1 at ``a`` and -1 at ``b``: D @ theta gives the differences."""
        m = len(self.a)
        rows = np.concatenate([np.arange(m), np.arange(m)])
        values = np.concatenate([np.ones(m), -np.ones(m)])
        return sp.csr_matrix((values, (rows, np.concatenate([self.a, self.b]))), shape=(m, self.n))


def _design(
    n_items: int, winners: ArrayLike, losers: ArrayLike, ties: ArrayLike | None, weights: ArrayLike | None, prior: float
) -> _Design:
    a = np.asarray(winners, dtype=np.int64).ravel()
    b = np.asarray(losers, dtype=np.int64).ravel()
    if a.shape != b.shape:
        raise ValueError("winners and losers must have the same length")
    if len(a) and (min(a.min(), b.min()) < 0 or max(a.max(), b.max()) >= n_items):
        raise ValueError("item index out of range")
    if np.any(a == b):
        raise ValueError("an item cannot be compared with itself")
    if prior <= 0:
        raise ValueError("prior must be positive (it keeps undefeated and unconnected items finite)")
    tie = np.zeros(len(a), dtype=bool) if ties is None else np.asarray(ties, dtype=bool).ravel()
    w = np.ones(len(a)) if weights is None else np.asarray(weights, dtype=np.float64).ravel()
    if tie.shape != a.shape or w.shape != a.shape:
        raise ValueError("ties and weights must have one value per comparison")
    return _Design(n_items, a, b, np.where(tie, 0.5, 1.0), w, float(prior))


def _objective(theta: np.ndarray, d: _Design) -> float:
    """Penalised log-likelihood (to maximise)."""
    diff = theta[d.a] - theta[d.b]
    # log sigmoid(x) = -logaddexp(0, -x); a tie (y = 0.5) is half a win and half a loss.
    loglik = -np.sum(d.w * (d.y * np.logaddexp(0, -diff) + (1 - d.y) * np.logaddexp(0, diff)))
    # One virtual tie against the mean: 0.5 log s(u) + 0.5 log s(-u) = -log(2 cosh(u/2)).
    u = theta - theta.mean()
    return float(loglik - d.prior * np.sum(np.logaddexp(u / 2, -u / 2)))


def _prior_terms(theta: np.ndarray, prior: float) -> tuple[np.ndarray, np.ndarray]:
    """Gradient (already projected on mean-zero vectors) and curvature of the prior, per item (columns allowed)."""
    # With h = tanh(u / 2) = 2 sigmoid(u) - 1: numpy's tanh is vectorised, scipy's expit is not.
    h = np.tanh((theta - theta.mean(axis=0)) / 2)
    grad = -prior / 2 * h
    return grad - grad.mean(axis=0), prior / 4 * (1 - h * h)


def _column_dots(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Dot product of each column of ``u`` with the same column of ``v`` (1-D: a plain dot product)."""
    # einsum reads both once; np.sum(u * v, axis=0) writes and rereads a temporary.
    return np.einsum("i...,i...->...", u, v)


def _pcg(
    matvec: Callable[[np.ndarray], np.ndarray], rhs: np.ndarray, inv_diag: np.ndarray, tol: float, max_iter: int
) -> np.ndarray:
    """Jacobi-preconditioned conjugate gradients on an SPD system, column by column in lock-step (rhs 1-D or 2-D)."""
    x = np.zeros_like(rhs)
    r = rhs.copy()
    z = inv_diag * r
    p = z.copy()
    rz = _column_dots(r, z)
    stop = tol * np.sqrt(_column_dots(rhs, rhs))
    for _ in range(max_iter):
        if np.all(np.sqrt(_column_dots(r, r)) <= stop):
            break
        q = matvec(p)
        pq = _column_dots(p, q)
        alpha = np.divide(rz, pq, out=np.zeros_like(rz), where=pq > 0)
        x += alpha * p
        r -= alpha * q
        np.multiply(inv_diag, r, out=z)
        rz_next = _column_dots(r, z)
        beta = np.divide(rz_next, rz, out=np.zeros_like(rz), where=rz > 0)
        p *= beta
        p += z
        rz = rz_next
    return x


def _hessian_matvec(
    laplacian: Callable[[np.ndarray], np.ndarray], prior_curv: np.ndarray, shift: float
) -> Callable[[np.ndarray], np.ndarray]:
    """x -> (L + P Λ P + shift 11ᵀ) x: the negative Hessian plus a term that makes it definite along 1.

    The objective is shift-invariant, so the Hessian is singular along the all-ones vector; the right-hand sides
    are gradients, which sum to 0, so adding ``shift 11ᵀ`` does not change the solution and lets plain PCG run.
    """

    def matvec(x: np.ndarray) -> np.ndarray:
        xc = x - x.mean(axis=0)
        px = prior_curv * xc
        return laplacian(x) + px - px.mean(axis=0) + shift * x.sum(axis=0)

    return matvec


class _Operators:
    """The incidence matrix D (comparisons x items, +1 at ``a``, -1 at ``b``) and its transposes, in one dtype."""

    def __init__(self, d: _Design, dtype: type):
        D = d.incidence().astype(dtype)
        # D's own arrays read as CSC: a product walks the comparisons in order and adds into the small items x k
        # result, which stays in cache; as CSR it would gather comparison rows at random (three times slower).
        self.DT = D.T
        self.absDT = abs(D).T
        self.y = d.y.astype(dtype)[:, None]


def _newton_step(
    d: _Design, ops: _Operators, thetas: np.ndarray, weights: np.ndarray, rtol: float
) -> tuple[np.ndarray, np.ndarray]:
    """Newton direction (centred) and gradient for each column of ``thetas`` (items x k), column j weighting the
    comparisons by ``weights[:, j]`` (comparisons x k).
    """
    t = thetas.astype(weights.dtype)
    p = t[d.a] - t[d.b]
    expit(p, out=p)
    grad = ops.DT @ (weights * (ops.y - p))
    # p(1 - p): the curvature of each comparison's log-likelihood, times its weight.
    curv = p
    curv *= 1 - p
    curv *= weights
    grad_prior, curv_prior = _prior_terms(thetas, d.prior)
    diag = ops.absDT @ curv + curv_prior
    shift = diag.mean(axis=0) / d.n

    def laplacian(x: np.ndarray) -> np.ndarray:
        x = x.astype(weights.dtype)
        edges = x[d.a] - x[d.b]
        edges *= curv
        return ops.DT @ edges

    matvec = _hessian_matvec(laplacian, curv_prior, shift)
    grad += grad_prior
    step = _pcg(matvec, grad, 1 / (diag + shift), rtol, 10 * d.n + 50)
    return step - step.mean(axis=0), grad


def _newton(d: _Design, theta: np.ndarray, tol: float, max_iter: int) -> np.ndarray:
    """Damped Newton (Armijo backtracking) with a conjugate-gradient inner solve; returns centred strengths."""
    ops = _Operators(d, np.float64)
    weights = d.w[:, None]
    value = _objective(theta, d)
    for _ in range(max_iter):
        step, grad = (x[:, 0] for x in _newton_step(d, ops, theta[:, None], weights, 1e-10))
        # The step solves H step = g, so g . step = step . H step >= 0: the ascent Armijo's rule scales.
        slope = float(grad @ step)
        if np.max(np.abs(step), initial=0.0) < tol:
            theta = theta + step
            break
        t = 1.0
        while t > 1e-8:
            candidate = theta + t * step
            new_value = _objective(candidate, d)
            if new_value >= value + 1e-4 * t * slope:
                break
            t /= 2
        else:
            break  # no ascent left at machine precision: converged
        theta, value = candidate, new_value
    return theta - theta.mean()


def fit_bradley_terry(
    n_items: int,
    winners: ArrayLike,
    losers: ArrayLike,
    ties: ArrayLike | None = None,
    *,
    prior: float = DEFAULT_PRIOR,
    weights: ArrayLike | None = None,
    initial: ArrayLike | None = None,
    tol: float = 1e-9,
    max_iter: int = 100,
) -> np.ndarray:
    """Maximum a posteriori Bradley-Terry log-strengths of ``n_items`` items, centred to mean 0.

    ``winners[k]`` beat ``losers[k]`` (item indices); where ``ties[k]`` is true the two drew, and which side is
    called the winner does not matter. ``weights`` (one per comparison) count a comparison several times (the
    bootstrap uses them). ``prior`` is the number of virtual tied games each item plays against the average item.
    """
    d = _design(n_items, winners, losers, ties, weights, prior)
    theta = np.zeros(n_items) if initial is None else np.asarray(initial, dtype=np.float64).copy()
    if theta.shape != (n_items,):
        raise ValueError("initial must have one value per item")
    if n_items == 0:
        return theta
    return _newton(d, theta, tol, max_iter)


# --- Bootstrap intervals ---------------------------------------------------------------------------------------


def bootstrap_intervals(
    n_items: int,
    winners: ArrayLike,
    losers: ArrayLike,
    ties: ArrayLike | None = None,
    *,
    prior: float = DEFAULT_PRIOR,
    strengths: ArrayLike | None = None,
    n_boot: int = DEFAULT_BOOTSTRAP,
    level: float = 0.95,
    rng: np.random.Generator | int | None = None,
    tol: float = 0.1,
    max_steps: int = 8,
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap intervals ``(low, high)`` of the centred log-strengths, one pair per item.

    Comparisons are resampled with replacement (the classical nonparametric bootstrap, Efron 1979), ``n_boot``
    times, and every replicate is refitted, warm-started from the full fit (``strengths``, computed when not
    given), many replicates at once:

    1. quasi-Newton steps with each replicate's own gradient and Hessian diagonal, and the off-diagonal coupling
       of the full fit's Hessian scaled to that diagonal (``S H S``, ``S = sqrt(diag(H_b) / diag(H))``), so one
       sparse matrix serves every replicate: cheap, and converges when entries have plenty of comparisons;
    2. replicates not converged after ``max_steps`` (sparse or lopsided data) restart with exact Newton steps;
    3. any still not converged is refitted alone, with a line search.

    A replicate has converged when no strength moves by ``tol`` in a step (steps shrink about threefold each:
    replicates end within about tol/2 of their exact refits, and a few hundredths of a standard error on
    average, well under the Monte Carlo error of a 2.5% percentile at B = 200, about a fifth of a standard error).
    Tests compare the replicates and the intervals with exact refits. Seeded by ``rng`` (a Generator or a seed).

    An interval is widened, if need be, to contain its point estimate, so the board never shows an entry outside
    its own interval (it happens only to entries with a handful of comparisons).
    """
    d = _design(n_items, winners, losers, ties, None, prior)
    rng = np.random.default_rng(rng)
    if not 0 < level < 1:
        raise ValueError("level must be between 0 and 1")
    theta = fit_bradley_terry(n_items, d.a, d.b, d.y == 0.5, prior=prior) if strengths is None else strengths
    theta = np.asarray(theta, dtype=np.float64)
    if theta.shape != (n_items,):
        raise ValueError("strengths must have one value per item")
    m = len(d.a)
    if n_items == 0 or m == 0 or n_boot < 1:
        return theta.copy(), theta.copy()
    refit = _ReplicateRefit(d, theta)
    chunk = max(1, _CHUNK_CELLS // m)
    replicates = np.empty((n_items, n_boot))
    for start in range(0, n_boot, chunk):
        counts = resample_counts(rng, m, min(chunk, n_boot - start))
        replicates[:, start : start + counts.shape[1]] = refit(counts, tol, max_steps)
    tail = (1 - level) / 2
    low, high = np.quantile(replicates, [tail, 1 - tail], axis=1)
    return np.minimum(low, theta), np.maximum(high, theta)


def resample_counts(rng: np.random.Generator, n_comparisons: int, n_replicates: int) -> np.ndarray:
    """How many times each comparison is drawn when resampling with replacement: (comparisons x replicates)."""
    counts = np.empty((n_replicates, n_comparisons), dtype=np.float32)
    for j in range(n_replicates):
        counts[j] = np.bincount(rng.integers(0, n_comparisons, n_comparisons), minlength=n_comparisons)
    # Filled by rows, then transposed once: writing columns of a (comparisons x replicates) array is strided.
    return np.ascontiguousarray(counts.T)


class _ReplicateRefit:
    """Refits bootstrap replicates from the full fit, many at once (see :func:`bootstrap_intervals`)."""

    def __init__(self, d: _Design, theta: np.ndarray):
        self.d, self.theta = d, theta
        self.ops = _Operators(d, np.float32)
        D = d.incidence()
        # sigmoid(x) = (1 + tanh(x / 2)) / 2, and numpy's float32 tanh is vectorised where scipy's expit is not:
        # the quasi-Newton steps work with half differences, (D / 2) @ theta (one sparse product), and tanh.
        self.half_diff = (D / 2).astype(np.float32)
        # 2y - 1 (1 for a win, 0 for a tie): 2 (y - p) = (2y - 1) - tanh(x / 2).
        self.sign = (2 * d.y - 1).astype(np.float32)[:, None]
        # The full fit's Hessian, built once as a sparse (items x items) matrix: data Laplacian plus the prior.
        diff = D @ theta
        _, curv_prior = _prior_terms(theta, d.prior)
        hessian = (D.T @ sp.diags(d.w * expit(diff) * expit(-diff)) @ D + sp.diags(curv_prior)).tocsr()
        self.diag = hessian.diagonal()[:, None]
        self.shift = float(self.diag.mean()) / d.n
        self.hessian = hessian.astype(np.float32)
        self.inv_diag = (1 / (self.diag + self.shift)).astype(np.float32)

    def _matvec(self, x: np.ndarray) -> np.ndarray:
        """x -> (H + shift 11ᵀ) x in float32, H the full fit's Hessian (see :func:`_hessian_matvec` for the shift).

        The prior's curvature enters unprojected (Λ, not P Λ P): the two differ by a rank-two term of size
        prior / n, which changes how fast the quasi-Newton steps converge, not where (their gradients are exact).
        """
        out = self.hessian @ x
        out += self.shift * x.sum(axis=0)
        return out

    def __call__(self, counts: np.ndarray, tol: float, max_steps: int) -> np.ndarray:
        """Strengths refitted to comparisons weighted by ``counts`` (comparisons x k): items x k, centred.

        Quasi-Newton first (cheap, converges when every item has plenty of comparisons); columns it leaves
        unconverged (sparse or lopsided data) restart from the full fit with exact Newton steps, still many at
        once; any column even that leaves is refitted alone with a line search.
        """
        thetas, size = self._quasi_newton(counts, tol, max_steps)
        slow = np.flatnonzero(~(size < tol))
        if len(slow):
            thetas[:, slow], size = self._newton(counts[:, slow], tol, max_steps)
            for j in slow[~(size < tol)]:
                weighted = replace(self.d, w=counts[:, j].astype(np.float64))
                thetas[:, j] = _newton(weighted, self.theta.copy(), 1e-9, 100)
        return thetas - thetas.mean(axis=0)

    def _quasi_newton(self, counts: np.ndarray, tol: float, max_steps: int) -> tuple[np.ndarray, np.ndarray]:
        """Replicates after quasi-Newton steps, and each one's largest last step."""
        d, ops = self.d, self.ops
        thetas = np.repeat(self.theta[:, None], counts.shape[1], axis=1)
        size = np.full(counts.shape[1], np.inf)
        # With h = tanh(x / 2) = 2p - 1, a comparison's gradient is c (2y - 1 - h) / 2 and its curvature
        # c (1 - h²) / 4: the parts that do not move with theta are summed once, so each step needs only c h and
        # c h² (two passes over the (comparisons x k) arrays, which are the whole cost of the bootstrap).
        fixed_grad = ops.DT @ (counts * self.sign)
        fixed_curv = ops.absDT @ counts
        ch = np.empty_like(counts)
        for _ in range(max_steps):
            t = thetas.astype(np.float32)
            h = self.half_diff @ t
            np.tanh(h, out=h)
            np.multiply(counts, h, out=ch)
            h *= ch
            # The prior in float64: its curvature must stay positive for an entry the replicate left unplayed.
            grad_prior, curv_prior = _prior_terms(thetas, d.prior)
            grad = (fixed_grad - ops.DT @ ch) / 2 + grad_prior
            curv = np.maximum(fixed_curv - ops.absDT @ h, 0) / 4 + curv_prior
            # S H S, S = sqrt(replicate curvature / full-fit curvature) per item: the full fit's Hessian reweighted
            # to the replicate's own diagonal, so one sparse (items x items) matrix serves every replicate.
            scale = np.sqrt(curv / self.diag)
            # A loose solve (three iterations or so): each step only has to shrink the error threefold, as the
            # shared Hessian does; tighter solves leave the replicates where they were (tests check them).
            rhs = (grad / scale).astype(np.float32)
            step = _pcg(self._matvec, rhs, self.inv_diag, 1e-2, 50) / scale
            size = self._advance(thetas, step)
            if np.all(size < tol):
                break
        return thetas, size

    def _newton(self, counts: np.ndarray, tol: float, max_steps: int) -> tuple[np.ndarray, np.ndarray]:
        """Replicates after exact (inexactly solved) Newton steps from the full fit, and their largest last step."""
        thetas = np.repeat(self.theta[:, None], counts.shape[1], axis=1)
        size = np.full(counts.shape[1], np.inf)
        for _ in range(max_steps):
            size = self._advance(thetas, _newton_step(self.d, self.ops, thetas, counts, 1e-2)[0])
            if np.all(size < tol):
                break
        return thetas, size

    @staticmethod
    def _advance(thetas: np.ndarray, step: np.ndarray) -> np.ndarray:
        """Take a step, capped at 2 per item (a factor e² in strength, so no replicate runs away); its sizes."""
        step = np.clip(step - step.mean(axis=0), -2.0, 2.0)
        thetas += step
        return np.max(np.abs(step), axis=0)


# --- Board -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BoardRow:
    """One entry shown on the arena board.

    ``position`` is the 1-based place in board order: by interval lower bound, highest first (then strength,
    comparisons, item). ``tied_with_previous`` is true when this entry's interval overlaps the one of the row
    above; ``rank`` is shared along such a chain (the rank of the first row of the chain), so "=2" style ranks
    can be shown. ``strength`` is the centred log-strength: ``sigmoid(strength)`` is the chance to beat an
    average entry.
    """

    item: Hashable
    position: int
    rank: int
    strength: float
    low: float
    high: float
    comparisons: int
    tied_with_previous: bool

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class HiddenRow:
    """An entry kept off the board until it has ``min_comparisons`` comparisons (still fitted, for pairing)."""

    item: Hashable
    comparisons: int
    needed: int
    strength: float
    low: float
    high: float

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ArenaBoard:
    """The board: ranked ``rows`` and the ``hidden`` entries (fewest missing comparisons first)."""

    rows: list[BoardRow]
    hidden: list[HiddenRow]

    def intervals(self) -> dict[Hashable, tuple[float, float]]:
        """Every entry's interval, shown or hidden: what :func:`contest.pairing.choose_pair` takes."""
        return {r.item: (r.low, r.high) for r in [*self.rows, *self.hidden]}


def rank_board(
    items: Sequence[Hashable],
    strengths: ArrayLike,
    low: ArrayLike,
    high: ArrayLike,
    comparisons: ArrayLike,
    *,
    min_comparisons: int,
) -> ArenaBoard:
    """Order fitted entries into a board (see :class:`BoardRow`); entries under ``min_comparisons`` are hidden."""
    strengths, low, high = (np.asarray(x, dtype=np.float64) for x in (strengths, low, high))
    counts = np.asarray(comparisons, dtype=np.int64)
    if not len(items) == len(strengths) == len(low) == len(high) == len(counts):
        raise ValueError("one strength, interval and count per item")
    shown = [i for i in range(len(items)) if counts[i] >= min_comparisons]
    # Sort keys are exact values, never float noise, so equal fits give the same board; the item breaks last ties.
    shown.sort(key=lambda i: (-low[i], -strengths[i], -counts[i], id_sort_key(items[i])))
    rows: list[BoardRow] = []
    for position, i in enumerate(shown, start=1):
        tied = bool(rows) and bool(high[i] >= rows[-1].low)
        rank = rows[-1].rank if tied else position
        rows.append(
            BoardRow(
                item=items[i],
                position=position,
                rank=rank,
                strength=float(strengths[i]),
                low=float(low[i]),
                high=float(high[i]),
                comparisons=int(counts[i]),
                tied_with_previous=tied,
            )
        )
    hidden = [
        HiddenRow(
            item=items[i],
            comparisons=int(counts[i]),
            needed=int(min_comparisons - counts[i]),
            strength=float(strengths[i]),
            low=float(low[i]),
            high=float(high[i]),
        )
        for i in range(len(items))
        if counts[i] < min_comparisons
    ]
    hidden.sort(key=lambda h: (h.needed, id_sort_key(h.item)))
    return ArenaBoard(rows, hidden)


def id_sort_key(item: Hashable) -> tuple[int, int, str]:
    """Sort key for entry ids: integers as numbers, anything else (UUIDs, slugs) by its text; never compares
    unlike types, so the last tie-breaks of boards and results are total and stable."""
    return (0, item, "") if isinstance(item, int) else (1, 0, str(item))


def index_comparisons(
    comparisons: Iterable[tuple[Hashable, Hashable, str]], items: Sequence[Hashable]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(a, b, outcome)`` rows with outcome ``"a"``, ``"b"`` or ``"tie"`` -> (winners, losers, ties) index arrays.

    Rows naming an item not in ``items`` are skipped (an entry rejected after it was judged).
    """
    index = {item: i for i, item in enumerate(items)}
    winners, losers, ties = [], [], []
    for a, b, outcome in comparisons:
        if a not in index or b not in index or a == b:
            continue
        if outcome not in ("a", "b", "tie"):
            raise ValueError(f"unknown outcome {outcome!r}")
        first, second = (b, a) if outcome == "b" else (a, b)
        winners.append(index[first])
        losers.append(index[second])
        ties.append(outcome == "tie")
    return np.array(winners, dtype=np.int64), np.array(losers, dtype=np.int64), np.array(ties, dtype=bool)


def arena_board(
    comparisons: Iterable[tuple[Hashable, Hashable, str]],
    *,
    items: Sequence[Hashable],
    min_comparisons: int,
    n_boot: int = DEFAULT_BOOTSTRAP,
    level: float = 0.95,
    prior: float = DEFAULT_PRIOR,
    rng: np.random.Generator | int | None = None,
) -> ArenaBoard:
    """The arena board of ``items`` from ``(a, b, outcome)`` judgements: fit, bootstrap intervals, rank.

    Deterministic for a given ``rng`` seed and the same rows in the same order.
    """
    winners, losers, ties = index_comparisons(comparisons, items)
    n = len(items)
    strengths = fit_bradley_terry(n, winners, losers, ties, prior=prior)
    low, high = bootstrap_intervals(
        n, winners, losers, ties, prior=prior, strengths=strengths, n_boot=n_boot, level=level, rng=rng
    )
    counts = np.bincount(winners, minlength=n) + np.bincount(losers, minlength=n)
    return rank_board(items, strengths, low, high, counts, min_comparisons=min_comparisons)


# --- The published result: jury, arena and public in one formula ---------------------------------------------

FORMULA_VERSION = "wonder-final-1"
# Scores are compared after rounding, so sums that differ by float noise tie and the tie-breaks decide.
_SCORE_DECIMALS = 9


@dataclass(frozen=True)
class Component:
    """One of a finalist's three measures: its raw ``value`` with a 95% interval (``low``, ``high``), the
    ``standardised`` value that enters the formula, and whether it was ``counted`` (else the finalists' median
    stood in for it: too few arena comparisons, or no jury sheet)."""

    value: float
    low: float
    high: float
    standardised: float
    counted: bool

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class FinalistRow:
    """A finalist's place in the published result (see :func:`combined_results`)."""

    item: Hashable
    place: int
    score: float
    jury: Component
    arena: Component
    public: Component
    comparisons: int
    votes: int
    tied_with_previous: bool

    def as_dict(self) -> dict:
        data = asdict(self)
        data["item"] = self.item
        return data


@dataclass(frozen=True)
class FinalistInput:
    """What one finalist brings: its judges' z-scores, its arena strength and interval (within its sport), the
    number of arena comparisons it played, and its likes and votes."""

    item: Hashable
    jury_z: Sequence[float]
    arena_strength: float
    arena_low: float
    arena_high: float
    comparisons: int
    likes: int
    votes: int


def combined_results(
    finalists: Sequence[FinalistInput],
    *,
    jury_weight: float,
    arena_weight: float,
    public_weight: float,
    min_comparisons: int,
) -> list[FinalistRow]:
    """The final ranking: ``score = (wJ * Z(jury) + wA * Z(arena) + wP * Z(public)) / (wJ + wA + wP)``.

    - **Jury**: the mean of the finalist's per-judge z-scores (each judge's sheets z-normalised over that judge's
      own entries, :func:`contest.judging.jury_scores`); interval: mean +/- 1.96 standard errors over its judges.
    - **Arena**: the Bradley-Terry log-strength (centred on its sport's average entry, so ``sigmoid(strength)`` is
      the chance to beat an average entry of the same sport) with its bootstrap interval.
    - **Public**: the Wilson lower bound of likes / votes (95%), with the Wilson interval.

    ``Z`` standardises a component over the finalists (mean 0, population sd 1), so a weight means the share it
    says whatever the component's scale. A finalist with fewer than ``min_comparisons`` arena comparisons, or no
    jury sheet, gets the median of the other finalists for that component (neither helped nor hurt), shown as
    not counted. Ties (equal scores after rounding to 1e-9) are broken by the jury, then the arena, then the
    public component, then the item id (smallest first); a tied row is marked ``tied_with_previous``.
    """
    weights = np.array([jury_weight, arena_weight, public_weight], dtype=np.float64)
    if np.any(weights < 0) or weights.sum() <= 0:
        raise ValueError("weights must be non-negative and not all zero")
    weights = weights / weights.sum()
    if not finalists:
        return []
    items = [f.item for f in finalists]
    if len(set(items)) != len(items):
        raise ValueError("a finalist appears twice")

    jury_value, jury_low, jury_high, jury_ok = [], [], [], []
    for f in finalists:
        # Plain Python: a finalist has a handful of judges, and numpy's per-call cost would dominate.
        z = [float(v) for v in f.jury_z]
        if z:
            mean = sum(z) / len(z)
            se = math.sqrt(sum((v - mean) ** 2 for v in z) / (len(z) - 1) / len(z)) if len(z) > 1 else 0.0
            jury_value.append(mean)
            jury_low.append(mean - Z_95 * se)
            jury_high.append(mean + Z_95 * se)
            jury_ok.append(True)
        else:
            jury_value.append(0.0)
            jury_low.append(0.0)
            jury_high.append(0.0)
            jury_ok.append(False)
    arena_ok = [f.comparisons >= min_comparisons for f in finalists]
    likes = np.array([f.likes for f in finalists])
    votes = np.array([f.votes for f in finalists])
    public_low = wilson_lower_bounds(likes, votes)
    public_high = 1.0 - wilson_lower_bounds(votes - likes, votes)
    public_high = np.where(votes > 0, public_high, 1.0)

    jury_std = _standardised_with_median(np.array(jury_value), np.array(jury_ok))
    arena_std = _standardised_with_median(np.array([f.arena_strength for f in finalists]), np.array(arena_ok))
    public_std = _standardised_with_median(public_low, np.ones(len(finalists), bool))
    score = weights[0] * jury_std + weights[1] * arena_std + weights[2] * public_std

    # Rounded once, as Python floats: rounding numpy scalars one by one costs more than the whole fit.
    rounded_score, rounded_jury, rounded_arena, rounded_public = (
        np.round(values, _SCORE_DECIMALS).tolist() for values in (score, jury_std, arena_std, public_std)
    )

    def key(i: int) -> tuple:
        return (-rounded_score[i], -rounded_jury[i], -rounded_arena[i], -rounded_public[i], id_sort_key(items[i]))

    order = sorted(range(len(items)), key=key)
    rows: list[FinalistRow] = []
    previous: float | None = None
    for place, i in enumerate(order, start=1):
        rounded = rounded_score[i]
        f = finalists[i]
        rows.append(
            FinalistRow(
                item=f.item,
                place=place,
                score=float(score[i]),
                jury=Component(jury_value[i], jury_low[i], jury_high[i], float(jury_std[i]), jury_ok[i]),
                arena=Component(
                    float(f.arena_strength), float(f.arena_low), float(f.arena_high), float(arena_std[i]), arena_ok[i]
                ),
                public=Component(
                    float(public_low[i]), float(public_low[i]), float(public_high[i]), float(public_std[i]), True
                ),
                comparisons=int(f.comparisons),
                votes=int(f.votes),
                tied_with_previous=previous is not None and rounded == previous,
            )
        )
        previous = rounded
    return rows


def _standardised_with_median(values: np.ndarray, counted: np.ndarray) -> np.ndarray:
    """Values standardised over the finalists, uncounted ones first replaced by the median of the counted ones
    (0 when none is counted: the component then says nothing)."""
    values = values.astype(np.float64).copy()
    if not counted.any():
        return np.zeros_like(values)
    values[~counted] = float(np.median(values[counted]))
    centred = values - values.mean()
    sd = float(np.sqrt(np.mean(centred**2)))
    if sd <= 1e-12 * max(1.0, float(np.max(np.abs(values)))):
        return np.zeros_like(values)
    return centred / sd
