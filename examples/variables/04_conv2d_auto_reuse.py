"""Lesson 4: one conv2d layer called five times, sharing one kernel through tf.AUTO_REUSE.

The "实例" (worked example) of the seed tutorial shared/seeds/001: `convolution` opens the root variable
scope ('') with reuse=tf.AUTO_REUSE, so the first call creates "weights" and the four later calls get
the same variable back. `convolution` is the seed's (its initializer is reached through a helper, see
there); main() differs only in printing deterministic facts (names, shapes, exact results for a kernel
we set ourselves) instead of the random output, so that the output can be compared line for line with
TensorFlow's.
"""
import numpy as np
import tensorflow as tf


def xavier_initializer_conv2d():
    """The seed's tf.contrib.layers.xavier_initializer_conv2d().

    tf.contrib exists in TF1 but not in the TF 2.x-based reference that records this example's expected
    output. xavier_initializer_conv2d() is glorot_uniform (uniform in +-sqrt(6 / (fan_in + fan_out))),
    which both spell tf.glorot_uniform_initializer(), so the reference falls back to that. Nothing
    printed below depends on which of the two ran.
    """
    try:
        return tf.contrib.layers.xavier_initializer_conv2d()
    except AttributeError:
        return tf.glorot_uniform_initializer()


def convolution(in_put, in_channel, out_channel):
    with tf.variable_scope(name_or_scope='', reuse=tf.AUTO_REUSE):
        weights = tf.get_variable(name="weights", shape=[2, 2, in_channel, out_channel],
                                  initializer=xavier_initializer_conv2d())
        output = tf.nn.conv2d(input=in_put, filter=weights, strides=[1, 1, 1, 1], padding="SAME")
    return output


def main():
    with tf.Graph().as_default():
        input_x = tf.placeholder(dtype=tf.float32, shape=[1, 4, 4, 1])
        outputs = []
        for _ in range(5):
            output = convolution(input_x, 1, 1)
            outputs.append(output)

        # One variable, created by the first call and shared by the other four.
        print([v.name for v in tf.global_variables()])
        weights = tf.global_variables()[0]
        print(weights.shape, weights.dtype.name)
        # Five Conv2D ops, named as any op in the root name scope.
        for output in outputs:
            print(output.name, output.op.type, output.shape, output.op.inputs[1].name)

        # The seed feeds np.random.uniform(0, 255) noise; a fixed input keeps the results printable.
        feed = {input_x: np.arange(16, dtype=np.float32).reshape([1, 4, 4, 1])}
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            kernel = sess.run(weights)
            # xavier/glorot for a [2, 2, 1, 1] kernel: fan_in = fan_out = 2 * 2 * 1 = 4,
            # so the values lie within sqrt(6 / 8).
            print(bool(np.all(np.abs(kernel) <= np.sqrt(6.0 / 8.0))))
            _output = sess.run(outputs, feed_dict=feed)
            print(all(np.array_equal(_output[0], o) for o in _output))  # same kernel, same result

            # Set the shared kernel to known values: every call sees them.
            weights.load(np.array([1, 2, 3, 4], dtype=np.float32).reshape([2, 2, 1, 1]), sess)
            _output = sess.run(outputs, feed_dict=feed)
            # SAME padding with an even kernel pads one row/column at the bottom/right only.
            print(_output[4][0, :, :, 0])
            print(all(np.array_equal(_output[0], o) for o in _output))


if __name__ == "__main__":
    main()
