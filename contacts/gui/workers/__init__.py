"""Background work: every call to the cluster runs on the service lane, off the GUI thread."""
from .service_lane import ACTION, POLL, ServiceLane, is_unavailable

__all__ = ["ACTION", "POLL", "ServiceLane", "is_unavailable"]
