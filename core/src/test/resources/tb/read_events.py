"""Reads a TensorBoard event file with Debian's python3-protobuf, independent of Vivarium's writer.

The Event, Summary and HistogramProto messages are declared here by field number (as in
TensorFlow's event.proto and summary.proto), the records are split by their TFRecord lengths,
and each Event is parsed by protobuf's own decoder. Prints one JSON object per event.
Usage: python3 read_events.py FILE
"""
import json
import struct
import sys

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

D = descriptor_pb2.FieldDescriptorProto
OPT, REP = D.LABEL_OPTIONAL, D.LABEL_REPEATED


def message(f, name, fields):
    m = f.message_type.add(name=name)
    for field_name, number, kind, label, type_name in fields:
        d = m.field.add(name=field_name, number=number, type=kind, label=label)
        if type_name:
            d.type_name = type_name


f = descriptor_pb2.FileDescriptorProto(name="tb_check.proto", package="tbcheck", syntax="proto3")
message(f, "HistogramProto", [
    ("min", 1, D.TYPE_DOUBLE, OPT, None), ("max", 2, D.TYPE_DOUBLE, OPT, None),
    ("num", 3, D.TYPE_DOUBLE, OPT, None), ("sum", 4, D.TYPE_DOUBLE, OPT, None),
    ("sum_squares", 5, D.TYPE_DOUBLE, OPT, None),
    ("bucket_limit", 6, D.TYPE_DOUBLE, REP, None), ("bucket", 7, D.TYPE_DOUBLE, REP, None)])
message(f, "Value", [
    ("tag", 1, D.TYPE_STRING, OPT, None), ("simple_value", 2, D.TYPE_FLOAT, OPT, None),
    ("histo", 5, D.TYPE_MESSAGE, OPT, ".tbcheck.HistogramProto")])
message(f, "Summary", [("value", 1, D.TYPE_MESSAGE, REP, ".tbcheck.Value")])
message(f, "Event", [
    ("wall_time", 1, D.TYPE_DOUBLE, OPT, None), ("step", 2, D.TYPE_INT64, OPT, None),
    ("file_version", 3, D.TYPE_STRING, OPT, None), ("summary", 5, D.TYPE_MESSAGE, OPT, ".tbcheck.Summary")])
pool = descriptor_pool.DescriptorPool()
pool.Add(f)
desc = pool.FindMessageTypeByName("tbcheck.Event")
Event = (message_factory.GetMessageClass(desc) if hasattr(message_factory, "GetMessageClass")
         else message_factory.MessageFactory(pool).GetPrototype(desc))

data = open(sys.argv[1], "rb").read()
at = 0
while at < len(data):
    (length,) = struct.unpack_from("<Q", data, at)
    payload = data[at + 12: at + 12 + length]
    at += 12 + length + 4
    e = Event()
    e.ParseFromString(payload)
    values = []
    for v in e.summary.value:
        out = {"tag": v.tag}
        if v.HasField("histo"):
            h = v.histo
            out["histo"] = {"min": h.min, "max": h.max, "num": h.num, "sum": h.sum,
                            "sum_squares": h.sum_squares, "bucket_limit": list(h.bucket_limit),
                            "bucket": list(h.bucket)}
        else:
            out["simple_value"] = v.simple_value
        values.append(out)
    print(json.dumps({"wall_time": e.wall_time, "step": e.step, "file_version": e.file_version,
                      "values": values}))
