"""Lesson 6: trainable vs non-trainable variables, and the graph collections variables land in.

From the seed tutorial "tensorflow杂记" (shared/seeds/002): variables are trainable by default and then
go to tf.GraphKeys.TRAINABLE_VARIABLES, the list optimizers train; tf.get_collection reads any
collection, including your own. Only deterministic things are printed, so the output can be compared
line for line with TensorFlow's.
"""
import tensorflow as tf


def names(variables):
    return [v.name for v in variables]


# The collection keys are plain strings.
print(tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.TRAINABLE_VARIABLES, tf.GraphKeys.LOCAL_VARIABLES,
      tf.GraphKeys.MODEL_VARIABLES)

with tf.variable_scope('layer1'):
    w = tf.get_variable('w', [2, 2], initializer=tf.ones_initializer())
    b = tf.Variable([0.0, 0.0], name='b')
    # trainable=False: still a global variable (saved, initialized), but not trained.
    frozen = tf.get_variable('frozen', [2], initializer=tf.zeros_initializer(), trainable=False)
with tf.variable_scope('layer2'):
    w2 = tf.get_variable('w', [2], initializer=tf.constant_initializer(3.0))
# The classic non-trainable counter.
global_step = tf.Variable(0, trainable=False, name='global_step')
# Local variables (e.g. metric accumulators) are neither global nor trainable.
count = tf.get_local_variable('count', [], dtype=tf.int32, initializer=tf.zeros_initializer())
# Careful: `collections` does not switch off `trainable`, and a trainable variable is always added to
# TRAINABLE_VARIABLES too. This `total` is local *and* trainable (pass trainable=False to avoid that).
total = tf.Variable(0.0, name='total', collections=[tf.GraphKeys.LOCAL_VARIABLES])
# Your own collection: name it in `collections` (then list GLOBAL_VARIABLES yourself if you want it
# initialized and saved), or add to it later.
ema = tf.get_variable('ema', [2], initializer=tf.zeros_initializer(), trainable=False,
                      collections=[tf.GraphKeys.GLOBAL_VARIABLES, 'my_collection'])
tf.add_to_collection('my_collection', w2)
# collections=[]: not global, so global_variables_initializer() does not initialize it (but, being
# trainable, it is still in TRAINABLE_VARIABLES).
hidden = tf.Variable(5.0, name='hidden', collections=[])

print('trainable:', w.trainable, b.trainable, frozen.trainable, global_step.trainable, count.trainable)
print('global:', names(tf.global_variables()))
print('trainable:', names(tf.trainable_variables()))
print('local:', names(tf.local_variables()))
print('model:', names(tf.model_variables()))
print('my_collection:', names(tf.get_collection('my_collection')))
# `scope` filters by name prefix (a regular expression matched at the start of the name).
print('trainable in layer1:', names(tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='layer1')))
print('global in layer2:', names(tf.global_variables(scope='layer2')))
print('keys:', sorted(tf.get_default_graph().get_all_collection_keys()))
# get_collection returns a copy; get_collection_ref the list itself.
tf.get_collection('my_collection').append('not added')
print(len(tf.get_collection('my_collection')), tf.get_collection_ref('my_collection') is
      tf.get_collection_ref('my_collection'))

init_global = tf.global_variables_initializer()
init_local = tf.local_variables_initializer()
init_hidden = tf.variables_initializer([hidden])
print(init_global.name, init_global.type, init_local.name, init_hidden.name)

with tf.Session() as sess:
    # Before any initializer ran: every variable is reported (as bytes), and reading one fails.
    print(sess.run(tf.report_uninitialized_variables()))
    try:
        sess.run(w)
    except tf.errors.FailedPreconditionError as error:
        # (the kernel's message; newer TF runtimes print more lines around it)
        print(type(error).__name__, [line for line in str(error).splitlines() if 'uninitialized' in line][0])
    sess.run([init_global, init_local])
    print(sess.run(tf.report_uninitialized_variables()))  # only `hidden` is left
    print(sess.run(tf.is_variable_initialized(hidden)), sess.run(tf.is_variable_initialized(w)))
    sess.run(init_hidden)
    print(sess.run(tf.report_uninitialized_variables()).shape)
    for v, value in zip([w, b, frozen, w2, global_step, count, total, ema, hidden],
                        sess.run([w, b, frozen, w2, global_step, count, total, ema, hidden])):
        print(v.op.name, value.dtype, value.tolist())
