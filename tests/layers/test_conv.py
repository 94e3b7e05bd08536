"""tf.layers convolutions and pooling: golden cases recorded from the reference."""
from tests.golden import golden_test

test_golden = golden_test("layers_conv", xfail={
    "conv1d_dilated": "tf.nn.convolution (dilated path: SpaceToBatchND/BatchToSpaceND) is not in ops/ yet",
    "conv3d_transpose_graph": "tf.nn.conv3d_transpose (Conv3DBackpropInputV2) is not in ops/ yet",
})
