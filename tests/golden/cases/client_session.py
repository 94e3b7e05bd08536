"""Golden cases: Session.run — fetch structures, feeds, errors."""
CASES = {
    "fetch_nests": """
import collections
a = tf.constant(1., name="a")
b = tf.constant([2, 3], name="b")
P = collections.namedtuple("P", "x y")
with tf.Session() as sess:
    out(sess.run(a), type(sess.run(a)).__name__)
    out(sess.run([a, b]), sess.run((a, [b, a])))
    r = sess.run({"k": a, "j": [b]})
    out(sorted(r.keys()), r["k"], r["j"])
    p = sess.run(P(a, b))
    out(type(p).__name__, p.x, p.y)
    out(sess.run("a:0"), sess.run(["b:0", a]))
    out(sess.run(a.op), sess.run([a.op, a]), sess.run("a"))
    out(sess.run([]), sess.run(()), sess.run({}))
""",
    "feeds": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
i = tf.placeholder(tf.int32, [], name="i")
y = x * 2.0
with tf.Session() as sess:
    out(sess.run(y, {x: [[1, 2, 3]]}))
    out(sess.run(y, {"x:0": np.ones((2, 3))}))
    out(sess.run(y, feed_dict={x: np.zeros((1, 3), np.float64)}))
    out(sess.run(i, {i: 3}), sess.run(x, {x: [[1, 2, 3]]}))
    c = tf.constant(5.)
    out(sess.run(c, {c: 7.}))
""",
    "feed_shape_mismatch": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
with tf.Session() as sess:
    sess.run(x, {x: [1, 2]})
""",
    "unfed_placeholder": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
with tf.Session() as sess:
    sess.run(x * 2.0)
""",
    "unfed_placeholder_scalar": """
x = tf.placeholder(tf.float64, name="x")
with tf.Session() as sess:
    sess.run(x)
""",
    "fetch_missing_name": """
tf.constant(1.)
with tf.Session() as sess:
    sess.run("nope:0")
""",
    "fetch_missing_op_name": """
tf.constant(1.)
with tf.Session() as sess:
    sess.run("nope")
""",
    "fetch_other_graph": """
g = tf.Graph()
with g.as_default():
    c = tf.constant(1., name="c")
tf.constant(2.)
with tf.Session() as sess:
    sess.run(c)
""",
    "fetch_none": """
with tf.Session() as sess:
    sess.run(None)
""",
    "feed_missing_key": """
x = tf.placeholder(tf.float32, name="x")
with tf.Session() as sess:
    sess.run(x, {"nope:0": 1.})
""",
    "closed_session": """
c = tf.constant(1.)
sess = tf.Session()
out(sess.run(c))
sess.close()
sess.run(c)
""",
    "eval_and_run": """
x = tf.placeholder(tf.float32, [2], name="x")
y = x + 1.0
with tf.Session() as sess:
    out(y.eval({x: [1., 2.]}), tf.get_default_session() is sess)
    out(y.op.run({x: [1., 2.]}))
out(tf.get_default_session())
""",
    "eval_without_session": """
tf.constant(1.).eval()
""",
    "interactive_session": """
sess = tf.InteractiveSession()
c = tf.constant([1, 2])
out(c.eval(), tf.get_default_session() is sess)
sess.close()
""",
    "placeholder_with_default": """
x = tf.placeholder_with_default([1., 2.], shape=[None], name="x")
y = x * 3.0
with tf.Session() as sess:
    out(sess.run(y), sess.run(y, {x: [5.]}), str(x.shape), x.op.type)
""",
    "make_callable": """
x = tf.placeholder(tf.float32, [None], name="x")
y = x * 2.0
with tf.Session() as sess:
    f = sess.make_callable(y, [x])
    out(f([1., 2.]), f(np.array([3.], np.float32)))
""",
    "repeat_runs_same_graph": """
x = tf.placeholder(tf.float32, [None], name="x")
y = tf.reduce_sum(x * x)
with tf.Session() as sess:
    out([float(sess.run(y, {x: np.arange(n, dtype=np.float32)})) for n in (1, 2, 3, 2)])
""",
    "hello_world": """
hello = tf.constant("Hello, TensorFlow!")
sess = tf.Session()
out(repr(sess.run(hello)), hello.dtype.name, str(hello.shape))
out(sess.run([hello, tf.constant(["a", "b"]), tf.constant(10) + tf.constant(32)]))
""",
}
