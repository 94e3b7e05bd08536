"""Platform modules every TF1 script uses: `tf.app`, `tf.flags`, `tf.logging`, `tf.gfile` (and `tf.io.gfile`).

They are plain Python with no dependency beyond the standard library (absl is not used: `flags` and
`app` are small re-implementations of what TF 1.15 scripts observe through absl). Nothing here imports
the graph or the runtime, so importing a platform module never builds or runs anything.
"""
