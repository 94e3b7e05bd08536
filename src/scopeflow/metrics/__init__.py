"""`tf.metrics`: TF1's streaming metrics, each returning `(value, update_op)` over local variables
(explicit imports; the logic lives in metrics_impl.py and confusion_metrics.py)."""
from scopeflow.metrics.confusion_metrics import auc
from scopeflow.metrics.confusion_metrics import false_negatives
from scopeflow.metrics.confusion_metrics import false_positives
from scopeflow.metrics.confusion_metrics import mean_iou
from scopeflow.metrics.confusion_metrics import precision
from scopeflow.metrics.confusion_metrics import recall
from scopeflow.metrics.confusion_metrics import true_negatives
from scopeflow.metrics.confusion_metrics import true_positives
from scopeflow.metrics.metrics_impl import accuracy
from scopeflow.metrics.metrics_impl import mean
from scopeflow.metrics.metrics_impl import mean_absolute_error
from scopeflow.metrics.metrics_impl import mean_squared_error
from scopeflow.metrics.metrics_impl import mean_tensor
from scopeflow.metrics.metrics_impl import root_mean_squared_error

__all__ = ["accuracy", "auc", "false_negatives", "false_positives", "mean", "mean_absolute_error", "mean_iou",
           "mean_squared_error", "mean_tensor", "precision", "recall", "root_mean_squared_error", "true_negatives",
           "true_positives"]
