"""Records the reference's variable lists of the examples/models/ nets (never imported by tests):

    /work/shared/tools/tf1ref tools/record_models.py tests/examples/golden/models_slim.json

tf-slim 1.1's `nets.vgg.vgg_16` / `nets.resnet_v1.resnet_v1_50` (224x224 inputs, 10 classes) give the
names, shapes, logits, end points and collection sizes that examples/models/*.py must reproduce. The
Inception-style block has no tf-slim twin: the example's own definition (its `build`) is imported and
run here, under the reference, at the shape its `--list` uses.
"""
import importlib.util
import json
import sys

import numpy as np  # noqa: F401  (the prelude's namespace)
import tensorflow as tf

exec(open("tests/slim/prelude.py").read().split("PRELUDE = '''")[1].split("'''")[0])  # slim on TF 2.21
from tf_slim.nets import resnet_v1, vgg  # noqa: E402


def describe(logits, end_points, collections=False):
    result = {"variables": [[v.op.name, v.shape.as_list()] for v in tf.global_variables()],
              "logits": [logits.name, logits.shape.as_list()], "end_points": list(end_points)}
    if collections:
        result["update_ops"] = len(tf.get_collection(tf.GraphKeys.UPDATE_OPS))
        result["regularization_losses"] = len(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))
    return result


out = {}
with tf.Graph().as_default():
    with slim.arg_scope(vgg.vgg_arg_scope()):  # noqa: F821  (slim comes from the prelude)
        out["vgg16_slim"] = describe(*vgg.vgg_16(tf.placeholder(tf.float32, [2, 224, 224, 3]), num_classes=10))
with tf.Graph().as_default():
    with slim.arg_scope(resnet_v1.resnet_arg_scope()):  # noqa: F821
        net = resnet_v1.resnet_v1_50(tf.placeholder(tf.float32, [2, 224, 224, 3]), num_classes=10)
        out["resnet_v1_50_slim"] = describe(*net, collections=True)
spec = importlib.util.spec_from_file_location("inception_block_slim", "examples/models/inception_block_slim.py")
inception = importlib.util.module_from_spec(spec)
spec.loader.exec_module(inception)   # after the prelude: its `import tf_slim` finds the patched module
with tf.Graph().as_default():
    batch, size = inception.LIST_SHAPE
    with slim.arg_scope(inception.inception_arg_scope()):  # noqa: F821
        net = inception.build(tf.placeholder(tf.float32, [batch, size, size, 3]), num_classes=10)
        out["inception_block_slim"] = inception.describe(*net)
with open(sys.argv[1], "w") as f:
    json.dump(out, f, indent=0)
