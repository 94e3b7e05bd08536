"""VGG-16 written the TF1 / tf-slim way, trained for a few steps on random data.

    scopeflow run examples/models/vgg16_slim.py [--steps 2] [--batch 2] [--list]

`--list` prints the model's variables (name, shape), logits and end points as JSON and exits; the tests
compare them with tf-slim's own `nets.vgg.vgg_16` under the reference (tests/examples/test_models.py).
The definition is unchanged TF1 code: `import tensorflow as tf` and `import tf_slim as slim`.
"""
import argparse
import json

import numpy as np
import tensorflow as tf
import tf_slim as slim


def vgg_arg_scope(weight_decay=0.0005):
    with slim.arg_scope([slim.conv2d, slim.fully_connected], activation_fn=tf.nn.relu,
                        weights_regularizer=slim.l2_regularizer(weight_decay),
                        biases_initializer=tf.zeros_initializer()):
        with slim.arg_scope([slim.conv2d], padding="SAME") as sc:
            return sc


def vgg_16(inputs, num_classes=1000, is_training=True, dropout_keep_prob=0.5, scope="vgg_16"):
    """Five conv blocks (2, 2, 3, 3, 3 convolutions), then fc6/fc7 as convolutions and fc8 logits."""
    with tf.variable_scope(scope, "vgg_16", [inputs]) as sc:
        end_points_collection = sc.original_name_scope + "_end_points"
        with slim.arg_scope([slim.conv2d, slim.fully_connected, slim.max_pool2d],
                            outputs_collections=end_points_collection):
            net = inputs
            for i, (repeats, depth) in enumerate([(2, 64), (2, 128), (3, 256), (3, 512), (3, 512)], start=1):
                net = slim.repeat(net, repeats, slim.conv2d, depth, [3, 3], scope="conv%d" % i)
                net = slim.max_pool2d(net, [2, 2], scope="pool%d" % i)
            net = slim.conv2d(net, 4096, [7, 7], padding="VALID", scope="fc6")
            net = slim.dropout(net, dropout_keep_prob, is_training=is_training, scope="dropout6")
            net = slim.conv2d(net, 4096, [1, 1], scope="fc7")
            net = slim.dropout(net, dropout_keep_prob, is_training=is_training, scope="dropout7")
            net = slim.conv2d(net, num_classes, [1, 1], activation_fn=None, normalizer_fn=None, scope="fc8")
            end_points = slim.utils.convert_collection_to_dict(end_points_collection)
            net = tf.squeeze(net, [1, 2], name="fc8/squeezed")
            end_points[sc.name + "/fc8"] = net
            return net, end_points


def describe(logits, end_points):
    return {"variables": [[v.op.name, v.shape.as_list()] for v in tf.global_variables()],
            "logits": [logits.name, logits.shape.as_list()], "end_points": list(end_points)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=2)
    parser.add_argument("--batch", type=int, default=2)
    parser.add_argument("--num_classes", type=int, default=10)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    images = tf.placeholder(tf.float32, [args.batch, 224, 224, 3])
    labels = tf.placeholder(tf.int64, [args.batch])
    with slim.arg_scope(vgg_arg_scope()):
        logits, end_points = vgg_16(images, num_classes=args.num_classes)
    if args.list:
        print(json.dumps(describe(logits, end_points)))
        return
    tf.losses.sparse_softmax_cross_entropy(labels, logits)
    total_loss = tf.losses.get_total_loss()
    train_op = slim.learning.create_train_op(total_loss, tf.train.MomentumOptimizer(0.001, 0.9))
    rng = np.random.RandomState(0)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(args.steps):
            feed = {images: rng.rand(args.batch, 224, 224, 3).astype(np.float32),
                    labels: rng.randint(0, args.num_classes, args.batch)}
            print("step %d: loss %.4f" % (step, sess.run(train_op, feed)))
    params = sum(int(np.prod(v.shape.as_list())) for v in tf.trainable_variables())
    print("trainable parameters:", params)


if __name__ == "__main__":
    main()
