"""The athlete's skeleton: a pose (a few angles and foot targets) turned into 3D joint positions.

World axes: ``x`` along the course (the athlete mostly travels +x), ``y`` up, ``z`` toward the camera's side.
Body axes: ``x`` forward (where the chest faces), ``y`` up the spine, ``z`` the athlete's left. Lengths are in
metres for an adult; :class:`Build` scales them for a child or a stout animal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

Vec = np.ndarray


@dataclass(frozen=True)
class Build:
    """Segment lengths (metres) of one figure."""

    spine: float = 0.52
    neck: float = 0.09
    head: float = 0.125  # radius
    shoulder: float = 0.19  # half width
    hip: float = 0.10  # half width
    upper_arm: float = 0.30
    forearm: float = 0.29
    thigh: float = 0.46
    shin: float = 0.46
    girth: float = 1.0  # multiplies limb and torso thickness

    def scaled(self, factor: float, head: float = 1.0, girth: float = 1.0) -> Build:
        return Build(
            spine=self.spine * factor,
            neck=self.neck * factor,
            head=self.head * factor * head,
            shoulder=self.shoulder * factor,
            hip=self.hip * factor,
            upper_arm=self.upper_arm * factor,
            forearm=self.forearm * factor,
            thigh=self.thigh * factor,
            shin=self.shin * factor,
            girth=self.girth * girth,
        )


@dataclass
class Arm:
    """Shoulder flexion (0 hanging, pi/2 forward, pi up), abduction (out to the side) and elbow bend."""

    flex: float = 0.2
    abduct: float = 0.15
    elbow: float = 0.4


@dataclass
class Pose:
    """Everything that places the figure in one frame.

    ``feet`` are ankle targets in the pelvis frame (x forward, y up, z left), solved with two-bone IK; the
    left foot first. ``heading`` turns the body about the vertical (0 faces +x), ``pitch`` tips it nose-down
    (flips), ``roll`` leans it to its left (into a turn), ``lean`` bends the torso forward at the hips.
    """

    pos: Vec = field(default_factory=lambda: np.zeros(3))
    heading: float = 0.0
    pitch: float = 0.0
    roll: float = 0.0
    lean: float = 0.15
    twist: float = 0.0
    nod: float = 0.0
    arms: tuple[Arm, Arm] = field(default_factory=lambda: (Arm(), Arm()))
    feet: tuple[Vec, Vec] = field(default_factory=lambda: (np.array([0.0, -0.88, 0.12]), np.array([0.0, -0.88, -0.12])))


@dataclass
class Skeleton:
    """World positions of the joints, plus the body axes (for equipment and the face)."""

    joints: dict[str, Vec]
    forward: Vec  # pelvis forward (world)
    up: Vec  # pelvis up (world)
    left: Vec  # pelvis left (world)
    chest_forward: Vec


def rot_x(a: float) -> np.ndarray:
    c, s = np.cos(a), np.sin(a)
    return np.array([[1, 0, 0], [0, c, -s], [0, s, c]])


def rot_y(a: float) -> np.ndarray:
    c, s = np.cos(a), np.sin(a)
    return np.array([[c, 0, s], [0, 1, 0], [-s, 0, c]])


def rot_z(a: float) -> np.ndarray:
    c, s = np.cos(a), np.sin(a)
    return np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])


def body_rotation(pose: Pose) -> np.ndarray:
    """Body-to-world rotation: heading about y, then roll about the forward axis, then pitch nose-down."""
    return rot_y(pose.heading) @ rot_x(pose.roll) @ rot_z(-pose.pitch)


def _limb_dir(flex: float, abduct: float, side: float) -> Vec:
    down = np.array([np.sin(flex), -np.cos(flex), 0.0])
    return np.array([down[0] * np.cos(abduct), down[1] * np.cos(abduct), side * np.sin(abduct)])


def _two_bone(root: Vec, target: Vec, a: float, b: float, pole: Vec) -> tuple[Vec, Vec]:
    """Knee (or elbow) and end position reaching from ``root`` toward ``target``, bending toward ``pole``."""
    d = target - root
    dist = float(np.linalg.norm(d))
    dist = min(max(dist, 1e-4), (a + b) * 0.999)
    dhat = d / max(float(np.linalg.norm(d)), 1e-6)
    end = root + dhat * dist
    along = (a * a - b * b + dist * dist) / (2 * dist)
    h = np.sqrt(max(a * a - along * along, 0.0))
    n = pole - np.dot(pole, dhat) * dhat
    n = n / max(float(np.linalg.norm(n)), 1e-6)
    return root + dhat * along + n * h, end


def solve(pose: Pose, build: Build) -> Skeleton:
    """Forward kinematics (torso, arms) and IK (legs) in the body frame, then to the world."""
    r = body_rotation(pose)
    pelvis = np.zeros(3)
    torso_rot = rot_z(-pose.lean) @ rot_y(pose.twist)
    up_t = torso_rot @ np.array([0.0, 1.0, 0.0])
    chest = pelvis + up_t * build.spine
    neck = chest + up_t * build.neck
    head_dir = rot_z(-pose.lean - pose.nod) @ np.array([0.0, 1.0, 0.0])
    head = neck + head_dir * build.head * 1.05
    joints: dict[str, Vec] = {"pelvis": pelvis, "chest": chest, "neck": neck, "head": head}

    for name, side, arm in (("l", 1.0, pose.arms[0]), ("r", -1.0, pose.arms[1])):
        shoulder = chest - up_t * 0.04 + torso_rot @ np.array([0.0, 0.0, side * build.shoulder])
        elbow = shoulder + torso_rot @ _limb_dir(arm.flex, arm.abduct, side) * build.upper_arm
        hand = elbow + torso_rot @ _limb_dir(arm.flex + arm.elbow, arm.abduct * 0.8, side) * build.forearm
        joints[f"shoulder_{name}"], joints[f"elbow_{name}"], joints[f"hand_{name}"] = shoulder, elbow, hand

    leg = build.thigh + build.shin
    for name, side, foot in (("l", 1.0, pose.feet[0]), ("r", -1.0, pose.feet[1])):
        hip = np.array([0.0, -0.02, side * build.hip])
        # Foot targets are authored for an adult leg of 0.92 m: scale them to this build.
        knee, ankle = _two_bone(hip, foot * (leg / 0.92), build.thigh, build.shin, np.array([1.0, 0.0, 0.0]))
        joints[f"hip_{name}"], joints[f"knee_{name}"], joints[f"ankle_{name}"] = hip, knee, ankle

    world = {k: pose.pos + r @ v for k, v in joints.items()}
    return Skeleton(
        joints=world,
        forward=r @ np.array([1.0, 0.0, 0.0]),
        up=r @ np.array([0.0, 1.0, 0.0]),
        left=r @ np.array([0.0, 0.0, 1.0]),
        chest_forward=r @ torso_rot @ np.array([1.0, 0.0, 0.0]),
    )


def standing_height(build: Build) -> float:
    """Pelvis height above the soles when standing straight."""
    return build.thigh + build.shin + 0.06
