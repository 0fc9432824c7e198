package io.fedp2p.gossip.mss;

import io.fedp2p.gossip.encoding.Uvarint;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * multistream-select 1.0 messages (LIBP2P.md §5.1): {@code varint(len) || utf8 || '\n'}, where len counts the
 * newline. For example {@code "na"} is {@code 03 6e 61 0a}.
 */
public final class MssLines {
    public static final String HEADER = "/multistream/1.0.0";
    public static final String NA = "na";
    public static final String LS = "ls";

    private MssLines() {}

    /** The encoded message for one line. */
    public static byte[] encode(String line) {
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("protocol id contains a newline: " + line);
        }
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = Uvarint.encode(text.length + 1L);
        byte[] out = new byte[prefix.length + text.length + 1];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(text, 0, out, prefix.length, text.length);
        out[out.length - 1] = '\n';
        return out;
    }

    /** The reply to {@code ls} (LIBP2P.md §5.3): each id as its own message, a final newline, all length-prefixed. */
    public static byte[] encodeLs(Collection<String> protocols) {
        ByteBuf body = Unpooled.buffer();
        for (String p : protocols) {
            body.writeBytes(encode(p));
        }
        body.writeByte('\n');
        ByteBuf out = Unpooled.buffer();
        Uvarint.write(out, body.readableBytes());
        out.writeBytes(body);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    /**
     * Reads one message from {@code in}.
     *
     * @return the line without its newline, or null when {@code in} does not yet hold a whole message (reader index
     *     unchanged)
     * @throws PeerFault {@link FaultKind#FRAME_TOO_LARGE} when the length exceeds {@code maxLineBytes}; {@link
     *     FaultKind#MALFORMED_FRAME} for a bad varint, an empty message, a missing newline or invalid UTF-8
     */
    public static String tryRead(ByteBuf in, int maxLineBytes) {
        int start = in.readerIndex();
        long length = Uvarint.tryRead(in, Uvarint.encodedLength(maxLineBytes));
        if (length < 0) {
            return null;
        }
        if (length > maxLineBytes) {
            in.readerIndex(start);
            throw new PeerFault(
                    FaultKind.FRAME_TOO_LARGE,
                    "multistream-select message of " + length + " bytes, limit " + maxLineBytes);
        }
        if (length == 0) {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "empty multistream-select message");
        }
        if (in.readableBytes() < length) {
            in.readerIndex(start);
            return null;
        }
        if (in.getByte(in.readerIndex() + (int) length - 1) != '\n') {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "multistream-select message without trailing newline");
        }
        byte[] text = new byte[(int) length - 1];
        in.readBytes(text);
        in.skipBytes(1);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(text))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "multistream-select message is not UTF-8");
        }
    }
}
