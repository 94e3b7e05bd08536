"""An Inception-v1-style network (stem, Mixed_3b / Mixed_3c blocks joined by concat) the TF1 / tf-slim way.

    scopeflow run examples/models/inception_block_slim.py [--steps 2] [--batch 4] [--size 32] [--list]

Each block has four branches (1x1; 1x1->3x3; 1x1->3x3; 3x3 max pool->1x1) concatenated on the channel
axis with `tf.concat(axis=3, ...)`, as tf-slim's `nets.inception_v1` writes them; convolutions carry
batch norm (moving averages in UPDATE_OPS, run by `slim.learning.create_train_op`) and an L2
regularizer. `--list` prints the variables (name, shape), logits, end points and collection sizes as
JSON; tools/record_models.py records the same `build` under the reference and the tests compare them.
The definition is unchanged TF1 code: `import tensorflow as tf` and `import tf_slim as slim`.
"""
import argparse
import json

import numpy as np
import tensorflow as tf
import tf_slim as slim


def trunc_normal(stddev):
    return tf.truncated_normal_initializer(0.0, stddev)


def inception_arg_scope(weight_decay=0.00004, batch_norm_decay=0.9997, batch_norm_epsilon=0.001):
    batch_norm_params = {"decay": batch_norm_decay, "epsilon": batch_norm_epsilon,
                         "updates_collections": tf.GraphKeys.UPDATE_OPS}
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        weights_regularizer=slim.l2_regularizer(weight_decay)):
        with slim.arg_scope([slim.conv2d], weights_initializer=slim.variance_scaling_initializer(),
                            activation_fn=tf.nn.relu, normalizer_fn=slim.batch_norm,
                            normalizer_params=batch_norm_params) as sc:
            return sc


def inception_module(net, depths, scope):
    """Four branches, concatenated on channels: depths = (b0, b1_reduce, b1, b2_reduce, b2, b3)."""
    with tf.variable_scope(scope):
        with tf.variable_scope("Branch_0"):
            branch_0 = slim.conv2d(net, depths[0], [1, 1], scope="Conv2d_0a_1x1")
        with tf.variable_scope("Branch_1"):
            branch_1 = slim.conv2d(net, depths[1], [1, 1], scope="Conv2d_0a_1x1")
            branch_1 = slim.conv2d(branch_1, depths[2], [3, 3], scope="Conv2d_0b_3x3")
        with tf.variable_scope("Branch_2"):
            branch_2 = slim.conv2d(net, depths[3], [1, 1], scope="Conv2d_0a_1x1")
            branch_2 = slim.conv2d(branch_2, depths[4], [3, 3], scope="Conv2d_0b_3x3")
        with tf.variable_scope("Branch_3"):
            branch_3 = slim.max_pool2d(net, [3, 3], scope="MaxPool_0a_3x3")
            branch_3 = slim.conv2d(branch_3, depths[5], [1, 1], weights_initializer=trunc_normal(0.1),
                                   scope="Conv2d_0b_1x1")
        return tf.concat(axis=3, values=[branch_0, branch_1, branch_2, branch_3])


def build(inputs, num_classes=10, is_training=True, dropout_keep_prob=0.8, reuse=None, scope="InceptionBlock"):
    """Returns (logits, end_points) for NHWC `inputs`; call inside `slim.arg_scope(inception_arg_scope())`."""
    end_points = {}
    with tf.variable_scope(scope, "InceptionBlock", [inputs], reuse=reuse):
        with slim.arg_scope([slim.batch_norm, slim.dropout], is_training=is_training):
            with slim.arg_scope([slim.conv2d, slim.max_pool2d, slim.avg_pool2d], stride=1, padding="SAME"):
                net = slim.conv2d(inputs, 64, [7, 7], stride=2, scope="Conv2d_1a_7x7")
                end_points["Conv2d_1a_7x7"] = net
                net = slim.max_pool2d(net, [3, 3], stride=2, scope="MaxPool_2a_3x3")
                end_points["MaxPool_2a_3x3"] = net
                net = slim.conv2d(net, 64, [1, 1], weights_initializer=trunc_normal(0.1), scope="Conv2d_2b_1x1")
                end_points["Conv2d_2b_1x1"] = net
                net = slim.conv2d(net, 192, [3, 3], scope="Conv2d_2c_3x3")
                end_points["Conv2d_2c_3x3"] = net
                net = slim.max_pool2d(net, [3, 3], stride=2, scope="MaxPool_3a_3x3")
                end_points["MaxPool_3a_3x3"] = net
                net = inception_module(net, (64, 96, 128, 16, 32, 32), "Mixed_3b")
                end_points["Mixed_3b"] = net
                net = inception_module(net, (128, 128, 192, 32, 96, 64), "Mixed_3c")
                end_points["Mixed_3c"] = net
            with tf.variable_scope("Logits"):
                net = slim.avg_pool2d(net, net.get_shape().as_list()[1:3], stride=1, scope="AvgPool_0a")
                end_points["AvgPool_0a"] = net
                net = slim.dropout(net, dropout_keep_prob, scope="Dropout_0b")
                logits = slim.conv2d(net, num_classes, [1, 1], activation_fn=None, normalizer_fn=None,
                                     scope="Conv2d_0c_1x1")
                logits = tf.squeeze(logits, [1, 2], name="SpatialSqueeze")
                end_points["Logits"] = logits
                end_points["Predictions"] = slim.softmax(logits, scope="Predictions")
    return logits, end_points


def describe(logits, end_points):
    return {"variables": [[v.op.name, v.shape.as_list()] for v in tf.global_variables()],
            "logits": [logits.name, logits.shape.as_list()],
            "end_points": {k: [v.name, v.shape.as_list()] for k, v in end_points.items()},
            "update_ops": len(tf.get_collection(tf.GraphKeys.UPDATE_OPS)),
            "regularization_losses": len(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))}


LIST_SHAPE = (2, 32)   # --list: the (batch, size) the reference was recorded with


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=2)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--size", type=int, default=32)
    parser.add_argument("--num_classes", type=int, default=10)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    batch, size = LIST_SHAPE if args.list else (args.batch, args.size)
    images = tf.placeholder(tf.float32, [batch, size, size, 3])
    labels = tf.placeholder(tf.int64, [batch])
    with slim.arg_scope(inception_arg_scope()):
        logits, end_points = build(images, num_classes=args.num_classes, is_training=True)
    if args.list:
        print(json.dumps(describe(logits, end_points)))
        return
    tf.losses.sparse_softmax_cross_entropy(labels, logits)
    total_loss = tf.losses.get_total_loss()
    train_op = slim.learning.create_train_op(total_loss, tf.train.MomentumOptimizer(0.01, 0.9))
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
