"""ResNet-v1-50 (bottleneck blocks, batch norm) written the TF1 / tf-slim way, trained on random data.

    scopeflow run examples/models/resnet_v1_50_slim.py [--steps 2] [--batch 8] [--size 64] [--list]

`--list` prints the variables (name, shape), logits, end points and collection sizes as JSON; the
tests compare them with tf-slim's `nets.resnet_v1.resnet_v1_50` under the reference. Batch norm's moving
averages are UPDATE_OPS, run by `slim.learning.create_train_op`. The definition is unchanged TF1 code.
"""
import argparse
import collections
import json

import numpy as np
import tensorflow as tf
import tf_slim as slim

Block = collections.namedtuple("Block", ["scope", "unit_fn", "args"])


def resnet_arg_scope(weight_decay=0.0001, batch_norm_decay=0.997, batch_norm_epsilon=1e-5):
    batch_norm_params = {"decay": batch_norm_decay, "epsilon": batch_norm_epsilon, "scale": True,
                         "updates_collections": tf.GraphKeys.UPDATE_OPS}
    with slim.arg_scope([slim.conv2d], weights_regularizer=slim.l2_regularizer(weight_decay),
                        weights_initializer=slim.variance_scaling_initializer(), activation_fn=tf.nn.relu,
                        normalizer_fn=slim.batch_norm, normalizer_params=batch_norm_params):
        with slim.arg_scope([slim.batch_norm], **batch_norm_params):
            with slim.arg_scope([slim.max_pool2d], padding="SAME") as sc:
                return sc


def subsample(inputs, factor, scope=None):
    return inputs if factor == 1 else slim.max_pool2d(inputs, [1, 1], stride=factor, scope=scope)


def conv2d_same(inputs, num_outputs, kernel_size, stride, scope=None):
    """A strided convolution with explicit symmetric padding, as 'SAME' would pad an odd input."""
    if stride == 1:
        return slim.conv2d(inputs, num_outputs, kernel_size, stride=1, padding="SAME", scope=scope)
    pad_total = kernel_size - 1
    pad_beg = pad_total // 2
    inputs = tf.pad(inputs, [[0, 0], [pad_beg, pad_total - pad_beg], [pad_beg, pad_total - pad_beg], [0, 0]])
    return slim.conv2d(inputs, num_outputs, kernel_size, stride=stride, padding="VALID", scope=scope)


@slim.add_arg_scope
def bottleneck(inputs, depth, depth_bottleneck, stride, outputs_collections=None, scope=None):
    with tf.variable_scope(scope, "bottleneck_v1", [inputs]) as sc:
        depth_in = slim.utils.last_dimension(inputs.get_shape(), min_rank=4)
        if depth == depth_in:
            shortcut = subsample(inputs, stride, "shortcut")
        else:
            shortcut = slim.conv2d(inputs, depth, [1, 1], stride=stride, activation_fn=None, scope="shortcut")
        residual = slim.conv2d(inputs, depth_bottleneck, [1, 1], stride=1, scope="conv1")
        residual = conv2d_same(residual, depth_bottleneck, 3, stride, scope="conv2")
        residual = slim.conv2d(residual, depth, [1, 1], stride=1, activation_fn=None, scope="conv3")
        output = tf.nn.relu(shortcut + residual)
        return slim.utils.collect_named_outputs(outputs_collections, sc.name, output)


@slim.add_arg_scope
def stack_blocks(net, blocks, outputs_collections=None):
    for block in blocks:
        with tf.variable_scope(block.scope, "block", [net]) as sc:
            for i, unit in enumerate(block.args):
                with tf.variable_scope("unit_%d" % (i + 1), values=[net]):
                    net = block.unit_fn(net, **unit)
            net = slim.utils.collect_named_outputs(outputs_collections, sc.name, net)
    return net


def resnet_v1_block(scope, base_depth, num_units, stride):
    unit = {"depth": base_depth * 4, "depth_bottleneck": base_depth}
    return Block(scope, bottleneck, [dict(unit, stride=1)] * (num_units - 1) + [dict(unit, stride=stride)])


def resnet_v1_50(inputs, num_classes=None, is_training=True, reuse=None, scope="resnet_v1_50"):
    blocks = [resnet_v1_block("block1", 64, 3, 2), resnet_v1_block("block2", 128, 4, 2),
              resnet_v1_block("block3", 256, 6, 2), resnet_v1_block("block4", 512, 3, 1)]
    with tf.variable_scope(scope, "resnet_v1", [inputs], reuse=reuse) as sc:
        end_points_collection = sc.original_name_scope + "_end_points"
        with slim.arg_scope([slim.conv2d, bottleneck, stack_blocks], outputs_collections=end_points_collection):
            with slim.arg_scope([slim.batch_norm], is_training=is_training):
                net = conv2d_same(inputs, 64, 7, stride=2, scope="conv1")
                net = slim.max_pool2d(net, [3, 3], stride=2, scope="pool1")
                net = stack_blocks(net, blocks)
                net = tf.reduce_mean(net, [1, 2], name="pool5", keepdims=True)
                if num_classes is not None:
                    net = slim.conv2d(net, num_classes, [1, 1], activation_fn=None, normalizer_fn=None,
                                      scope="logits")
                end_points = slim.utils.convert_collection_to_dict(end_points_collection)
                if num_classes is not None:
                    end_points["predictions"] = slim.softmax(net, scope="predictions")
                return net, end_points


def describe(logits, end_points):
    return {"variables": [[v.op.name, v.shape.as_list()] for v in tf.global_variables()],
            "logits": [logits.name, logits.shape.as_list()], "end_points": list(end_points),
            "update_ops": len(tf.get_collection(tf.GraphKeys.UPDATE_OPS)),
            "regularization_losses": len(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=2)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--num_classes", type=int, default=10)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    size, batch = (224, 2) if args.list else (args.size, args.batch)   # --list: the recorded reference shapes
    images = tf.placeholder(tf.float32, [batch, size, size, 3])
    labels = tf.placeholder(tf.int64, [batch])
    with slim.arg_scope(resnet_arg_scope()):
        logits, end_points = resnet_v1_50(images, num_classes=args.num_classes, is_training=True)
    if args.list:
        print(json.dumps(describe(logits, end_points)))
        return
    tf.losses.sparse_softmax_cross_entropy(labels, tf.squeeze(logits, [1, 2]))
    total_loss = tf.losses.get_total_loss()
    train_op = slim.learning.create_train_op(total_loss, tf.train.MomentumOptimizer(0.001, 0.9))
    moving_mean = slim.get_variables_by_name("moving_mean")[0]
    rng = np.random.RandomState(0)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(args.steps):
            feed = {images: rng.rand(batch, size, size, 3).astype(np.float32),
                    labels: rng.randint(0, args.num_classes, batch)}
            loss = sess.run(train_op, feed)
            print("step %d: loss %.4f, %s[:3] %s" % (step, loss, moving_mean.op.name,
                                                     np.round(sess.run(moving_mean)[:3], 5)))
    params = sum(int(np.prod(v.shape.as_list())) for v in tf.trainable_variables())
    print("trainable parameters:", params)


if __name__ == "__main__":
    main()
