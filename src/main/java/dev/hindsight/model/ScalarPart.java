package dev.hindsight.model;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** How {@link RecordCodec} writes and reads the types that hold no other declared types. */
enum ScalarPart implements CodecPart {
    STRING {
        @Override
        public void write(ByteSink out, Object v) {
            out.writeString((String) v);
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            return in.readString();
        }
    },
    INT {
        @Override
        public void write(ByteSink out, Object v) {
            out.writeInt((Integer) v);
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            return in.readInt();
        }
    },
    LONG {
        @Override
        public void write(ByteSink out, Object v) {
            out.writeLong((Long) v);
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            return in.readLong();
        }
    },
    BOOLEAN {
        @Override
        public void write(ByteSink out, Object v) {
            out.writeBoolean((Boolean) v);
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            return in.readBoolean();
        }
    },
    DOUBLE {
        @Override
        public void write(ByteSink out, Object v) {
            out.writeDouble((Double) v);
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            return in.readDouble();
        }
    },
    BYTES {
        @Override
        public void write(ByteSink out, Object v) {
            out.writeBytes((byte[]) v);
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            return in.readBytes();
        }
    },
    LOCAL_DATE {
        @Override
        public void write(ByteSink out, Object v) {
            out.writeLong(((LocalDate) v).toEpochDay());
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            return LocalDate.ofEpochDay(in.readLong());
        }
    },
    INSTANT {
        @Override
        public void write(ByteSink out, Object v) {
            out.writeLong(((Instant) v).getEpochSecond());
            out.writeInt(((Instant) v).getNano());
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            return Instant.ofEpochSecond(in.readLong(), in.readInt());
        }
    },
    OPTIONAL_LONG {
        @Override
        public void write(ByteSink out, Object v) {
            OptionalLong o = (OptionalLong) v;
            out.writeBoolean(o.isPresent());
            if (o.isPresent()) {
                out.writeLong(o.getAsLong());
            }
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            return in.readBoolean() ? OptionalLong.of(in.readLong()) : OptionalLong.empty();
        }
    },
    OPTIONAL_INT {
        @Override
        public void write(ByteSink out, Object v) {
            OptionalInt o = (OptionalInt) v;
            out.writeBoolean(o.isPresent());
            if (o.isPresent()) {
                out.writeInt(o.getAsInt());
            }
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            return in.readBoolean() ? OptionalInt.of(in.readInt()) : OptionalInt.empty();
        }
    }
}
