package org.enrollment.core.audit;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.ListedChild;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationEvent;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;

/** The bytes of a {@link WrittenState} before sealing: a version byte, then the fields in a fixed order. */
final class StateCodec {

    private static final int VERSION = 1;

    private StateCodec() {
    }

    static byte[] encode(WrittenState state) {
        Out out = new Out();
        out.writeByte(VERSION);
        out.writeInt(state.registrations().size());
        for (Registration r : state.registrations()) {
            out.writeUTF(r.number().value());
            out.writeUTF(r.child().value());
            out.writeUTF(r.name());
            out.writeUTF(r.household().toString());
            out.writeUTF(r.district());
            out.writeUTF(r.school());
            out.writeUTF(r.route().name());
            optional(out, r.coBuildUnit());
            out.writeUTF(r.state().name());
            out.writeLong(r.version());
            RegistrationEvent last = r.history().get(r.history().size() - 1);
            instant(out, last.at());
            optional(out, last.step() == null ? null : last.step().name());
            out.writeUTF(last.state().name());
            optional(out, last.reason());
        }
        list(out, state.waiting());
        list(out, state.ended());
        return out.bytes();
    }

    static WrittenState decode(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readByte() != VERSION) {
            throw new IOException("unknown state version");
        }
        int n = in.readInt();
        List<Registration> registrations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            RegistrationNumber number = new RegistrationNumber(in.readUTF());
            ResidentId child = ResidentId.of(in.readUTF());
            String name = in.readUTF();
            Household household = Household.of(in.readUTF());
            String district = in.readUTF();
            String school = in.readUTF();
            Route route = Route.valueOf(in.readUTF());
            String unit = optional(in);
            RegistrationState state = RegistrationState.valueOf(in.readUTF());
            long version = in.readLong();
            Instant at = instant(in);
            String step = optional(in);
            RegistrationEvent event = new RegistrationEvent(at, step == null ? null : Step.valueOf(step),
                    RegistrationState.valueOf(in.readUTF()), optional(in));
            registrations.add(new Registration(number, child, name, household, district, school, route, unit, state, version, List.of(event)));
        }
        return new WrittenState(registrations, list(in), list(in));
    }

    private static void list(Out out, CoBuildList list) {
        out.writeBoolean(list != null);
        if (list == null) {
            return;
        }
        out.writeLong(list.id());
        out.writeUTF(list.unit());
        out.writeUTF(list.school());
        out.writeInt(list.children().size());
        for (ListedChild c : list.children()) {
            out.writeUTF(c.child().value());
            out.writeUTF(c.name());
            out.writeUTF(c.household().toString());
        }
        instant(out, list.at());
    }

    private static CoBuildList list(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        long id = in.readLong();
        String unit = in.readUTF();
        String school = in.readUTF();
        int n = in.readInt();
        List<ListedChild> children = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            children.add(new ListedChild(ResidentId.of(in.readUTF()), in.readUTF(), Household.of(in.readUTF())));
        }
        return new CoBuildList(id, unit, school, children, instant(in));
    }

    private static void optional(Out out, String text) {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void instant(Out out, Instant at) {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    /**
     * The bytes {@link java.io.DataOutputStream} would write, written into one growing array: no locking per
     * byte and no array per string, since every entry of the season seals one state.
     */
    private static final class Out {

        private byte[] buf = new byte[1024];
        private int size;

        void writeBoolean(boolean b) {
            writeByte(b ? 1 : 0);
        }

        void writeByte(int b) {
            room(1);
            buf[size++] = (byte) b;
        }

        void writeInt(int v) {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buf[size++] = (byte) (v >>> shift);
            }
        }

        void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        /** Modified UTF-8 after a two-byte length, as {@link java.io.DataOutput#writeUTF} writes it. */
        void writeUTF(String s) {
            int n = s.length();
            room(2 + 3 * n);
            int start = size;
            size += 2;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x0001 && c <= 0x007F) {
                    buf[size++] = (byte) c;
                } else if (c <= 0x07FF) {
                    buf[size++] = (byte) (0xC0 | (c >> 6));
                    buf[size++] = (byte) (0x80 | (c & 0x3F));
                } else {
                    buf[size++] = (byte) (0xE0 | (c >> 12));
                    buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    buf[size++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            int length = size - start - 2;
            if (length > 0xFFFF) {
                throw new IllegalArgumentException("A state field is longer than 65,535 bytes.");
            }
            buf[start] = (byte) (length >>> 8);
            buf[start + 1] = (byte) length;
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, size);
        }

        private void room(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(2 * buf.length, size + more));
            }
        }
    }
}
