"""Golden cases for no_op, group, tuple, Print, tf.print and Assert: names, control inputs, attrs,
errors. Printed text is checked in tests/ops/test_logging_ops.py (the harness cannot capture stderr)."""

_SHOW = ("def show(o):\n"
         "    op = getattr(o, 'op', o)\n"
         "    return [op.name, op.type, [t.name for t in op.inputs], [c.name for c in op.control_inputs],"
         " op.device]\n")

CASES = {
    "no_op": _SHOW + """
a = tf.no_op()
b = tf.no_op(name='noop')
with tf.name_scope('s'):
    c = tf.no_op()
out(show(a), show(b), show(c), repr(a), a.outputs)
with tf.control_dependencies([a]):
    out(show(tf.no_op()))
with tf.Session() as sess:
    out(sess.run(a), sess.run([a, c]))
""",
    "group_names": _SHOW + """
a = tf.constant(1., name='zz'); b = tf.constant(2., name='aa'); n = tf.no_op()
out(show(tf.group(a, b)), show(tf.group(b, a)), show(tf.group(a, a, b)), show(tf.group()))
out(show(tf.group([a, [b]], n, name='grp')), show(tf.group({'x': a, 'b': b})), show(tf.group(a.op)))
with tf.name_scope('s'):
    out(show(tf.group(a, b)))
with tf.control_dependencies([n]):
    out(show(tf.group(a)))
with tf.Session() as sess:
    out(sess.run(tf.group(a, b)))
""",
    "group_by_device": _SHOW + """
a = tf.constant(1.)
with tf.device('/cpu:0'):
    c = tf.constant(3.)
with tf.device('/gpu:0'):
    d = tf.constant(4.)
g = tf.group(a, c, d)
out(show(g), [show(op) for op in tf.get_default_graph().get_operations()[-4:]])
out(show(tf.group(d)), show(tf.group(c, d, name='two')))
with tf.device('/cpu:0'):
    out(show(tf.group(a)))
""",
    "group_errors_kwarg": "tf.group(tf.constant(1.), foo=1)",
    "group_errors_type": "tf.group(1)",
    "tuple": _SHOW + """
a = tf.constant(1., name='zz'); b = tf.constant([2, 3], name='aa'); n = tf.no_op()
t = tf.tuple([b, a])
out([show(x) for x in t], [(x.name, str(x.shape), x.dtype.name) for x in t])
out([show(op) for op in tf.get_default_graph().get_operations()[-3:]])
t2 = tf.tuple([a, None, b.op], name='tp', control_inputs=[n])
out([None if x is None else show(x) for x in t2], show(tf.get_default_graph().get_operation_by_name('tp/group_deps')))
with tf.Session() as sess:
    out(sess.run(t))
""",
    "tuple_converts_values": _SHOW + """
t = tf.tuple([1, [1., 2.]])
out([show(op) for op in tf.get_default_graph().get_operations()], [(x.name, str(x.shape)) for x in t])
""",
    "tuple_error_control": "tf.tuple([tf.constant(1.)], control_inputs=[1])",
    "print_op": _SHOW + """
x = tf.constant([1, 2, 3, 4, 5])
y = tf.constant([[1.5, 2.], [3., 4.]])
p = tf.Print(x, [x, y, 'lit', 2.5], 'msg: ')
q = tf.Print(y, [], first_n=2, summarize=10, name='pp')
out(show(p), p.name, str(p.shape), p.dtype.name, show(q), q.name)
out([d.name for d in p.op.get_attr('U')], p.op.get_attr('message'), p.op.get_attr('first_n'),
    p.op.get_attr('summarize'), q.op.get_attr('message'), q.op.get_attr('first_n'), q.op.get_attr('summarize'))
with tf.Session() as sess:
    out(sess.run([p, q]))
""",
    "print_v2_graph": _SHOW + """
import sys
x = tf.constant([1, 2, 3])
s = tf.constant('abc')
a = tf.print(x, 'str', s, 7, {'k': x, 'a': 2.5}, [x, 1.0], (s,), None, True, name='myprint', sep='|')
b = tf.print(s)
c = tf.print('only', output_stream=sys.stdout, end='!')
d = tf.print()
out(repr(a), show(a), show(b), show(c), show(d), a.outputs)
f = tf.get_default_graph().get_operation_by_name('myprint_format')
out(show(f), f.get_attr('template'), f.get_attr('placeholder'), f.get_attr('summarize'),
    [t.name for t in f.get_attr('T')], str(f.outputs[0].shape), f.outputs[0].dtype.name)
out(a.get_attr('output_stream'), a.get_attr('end'), c.get_attr('output_stream'), c.get_attr('end'))
with tf.Session() as sess:
    out(sess.run(a), sess.run([b, c, d]))
""",
    "print_v2_bad_kwarg": "tf.print(tf.constant(1), foo=1)",
    "print_v2_bad_stream": "tf.print(tf.constant(1), output_stream='stdout')",
    "assert_graph": _SHOW + """
x = tf.constant([1, 2])
a = tf.Assert(tf.constant(True), ['msg', x], summarize=5)
out(show(a), a.get_attr('summarize'), [t.name for t in a.get_attr('T')])
out([op.name for op in tf.get_default_graph().get_operations()])
with tf.Session() as sess:
    out(sess.run(a))
""",
    "assert_fails_at_run": """
x = tf.constant([1, 2, 3, 4])
a = tf.Assert(tf.constant(False), ['bad', x, tf.constant([[1, 2], [3, 4]])], summarize=3)
with tf.Session() as sess:
    sess.run(a)
""",
}
