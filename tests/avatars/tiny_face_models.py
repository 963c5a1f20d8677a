"""Tiny ONNX models shaped like insightface's SCRFD detector and ArcFace recogniser, built with ``onnx.helper``.

The detector "sees" a face wherever the picture is strongly red (a red square is a face): on the stride-32 grid
the score is the share of red pixels in each 32x32 cell; strides 8 and 16 never fire. Boxes and the five
landmarks are fixed offsets around each firing cell, so tests can place faces exactly. The recogniser averages
16x16 patches and projects them to 512 numbers. Real shapes, real loading code, toy behaviour.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

STRIDES = (8, 16, 32)
BOX_DISTANCE = 3.0  # in strides: a 192 px box around each firing stride-32 cell
KPS = [-1.0, -0.6, 1.0, -0.6, 0.0, 0.2, -0.8, 1.0, 0.8, 1.0]  # eyes, nose, mouth corners (in strides)


def build_detector(path: Path) -> Path:
    nodes, inits, outputs = [], [], []
    inits += [
        numpy_helper.from_array(np.array([1.0], np.float32), "one"),
        numpy_helper.from_array(np.array([0.0], np.float32), "zero"),
        numpy_helper.from_array(np.array([-1, 1], np.int64), "shape_n1"),
        numpy_helper.from_array(np.full((1, 4), BOX_DISTANCE, np.float32), "box_const"),
        numpy_helper.from_array(np.array([KPS], np.float32), "kps_const"),
        numpy_helper.from_array(np.array([0], np.int64), "ch_r_start"),
        numpy_helper.from_array(np.array([1], np.int64), "ch_r_end"),
        numpy_helper.from_array(np.array([2], np.int64), "ch_g_end"),
        numpy_helper.from_array(np.array([1], np.int64), "axis1"),
    ]
    # Redness: R - G - 1 is ~1 on pure red and <= 0 on skin, white, grey (input is (v - 127.5) / 128, RGB).
    nodes += [
        helper.make_node("Slice", ["input.1", "ch_r_start", "ch_r_end", "axis1"], ["red"], name="red"),
        helper.make_node("Slice", ["input.1", "ch_r_end", "ch_g_end", "axis1"], ["green"], name="green"),
        helper.make_node("Sub", ["red", "green"], ["rg"], name="r_minus_g_a"),
        helper.make_node("Sub", ["rg", "one"], ["rg1"], name="r_minus_g_b"),
        helper.make_node("Relu", ["rg1"], ["redness"], name="redness"),
    ]
    scores, boxes, kpss = [], [], []
    for stride in STRIDES:
        s = str(stride)
        nodes += [
            helper.make_node(
                "AveragePool",
                ["redness"],
                [f"pool{s}"],
                kernel_shape=[stride, stride],
                strides=[stride, stride],
                name=f"pool{s}",
            ),
            helper.make_node("Transpose", [f"pool{s}"], [f"t{s}"], perm=[0, 2, 3, 1], name=f"t{s}"),
            # Two anchors per location, as SCRFD-10G has.
            helper.make_node("Concat", [f"t{s}", f"t{s}"], [f"c{s}"], axis=3, name=f"c{s}"),
            helper.make_node("Reshape", [f"c{s}", "shape_n1"], [f"flat{s}"], name=f"flat{s}"),
        ]
        gate = "one" if stride == 32 else "zero"
        nodes += [
            helper.make_node("Mul", [f"flat{s}", gate], [f"score_{s}"], name=f"score{s}"),
            helper.make_node("Mul", [f"flat{s}", "zero"], [f"z{s}"], name=f"z{s}"),
            helper.make_node("Add", [f"z{s}", "box_const"], [f"bbox_{s}"], name=f"bbox{s}"),
            helper.make_node("Add", [f"z{s}", "kps_const"], [f"kps_{s}"], name=f"kps{s}"),
        ]
        scores.append(helper.make_tensor_value_info(f"score_{s}", TensorProto.FLOAT, ["n", 1]))
        boxes.append(helper.make_tensor_value_info(f"bbox_{s}", TensorProto.FLOAT, ["n", 4]))
        kpss.append(helper.make_tensor_value_info(f"kps_{s}", TensorProto.FLOAT, ["n", 10]))
    outputs = scores + boxes + kpss
    graph = helper.make_graph(
        nodes,
        "tiny_scrfd",
        [helper.make_tensor_value_info("input.1", TensorProto.FLOAT, [1, 3, "h", "w"])],
        outputs,
        inits,
    )
    _save(graph, path)
    return path


def build_recogniser(path: Path, seed: int = 0) -> Path:
    rng = np.random.default_rng(seed)
    weights = rng.normal(0, 1, (3 * 7 * 7, 512)).astype(np.float32)
    graph = helper.make_graph(
        [
            helper.make_node(
                "AveragePool", ["data"], ["patches"], kernel_shape=[16, 16], strides=[16, 16], name="patches"
            ),
            helper.make_node("Flatten", ["patches"], ["flat"], axis=1, name="flat"),
            helper.make_node("MatMul", ["flat", "proj_w"], ["fc1"], name="proj"),
        ],
        "tiny_arcface",
        [helper.make_tensor_value_info("data", TensorProto.FLOAT, ["n", 3, 112, 112])],
        [helper.make_tensor_value_info("fc1", TensorProto.FLOAT, ["n", 512])],
        [numpy_helper.from_array(weights, "proj_w")],
    )
    _save(graph, path)
    return path


def build_pack(folder: Path) -> Path:
    """A folder insightface's ``FaceAnalysis(name=folder)`` loads: detector + recogniser."""
    folder.mkdir(parents=True, exist_ok=True)
    build_detector(folder / "det_tiny.onnx")
    build_recogniser(folder / "w600k_tiny.onnx")
    return folder


def _save(graph, path: Path) -> None:
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
