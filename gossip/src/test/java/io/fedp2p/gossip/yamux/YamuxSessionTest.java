package io.fedp2p.gossip.yamux;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.host.StreamReader;
import io.fedp2p.gossip.host.WireLimits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session as the listener (server, even ids) against a scripted client. */
class YamuxSessionTest {
    private final List<YamuxStream> inbound = new ArrayList<>();
    private final List<PeerFault> streamFaults = new ArrayList<>();
    private final List<Long> received = new ArrayList<>();
    private EmbeddedChannel ch;

    @BeforeEach
    void setUp() {
        YamuxSession session = new YamuxSession(
                false, WireLimits.DEFAULTS.withMaxStreamsPerConnection(4), new YamuxSession.Listener() {
                    @Override
                    public void onInboundStream(YamuxStream stream) {
                        inbound.add(stream);
                        stream.setReader(new StreamReader() {
                            @Override
                            public void onData(Stream s, ByteBuf data) {
                                received.add((long) data.readableBytes());
                                data.release();
                            }
                        });
                    }

                    @Override
                    public void onStreamFault(YamuxStream stream, PeerFault fault) {
                        streamFaults.add(fault);
                    }
                });
        ch = new EmbeddedChannel(new YamuxFrameDecoder(WireLimits.DEFAULTS.maxStreamWindowBytes()), session);
    }

    private static String header(Object o) {
        ByteBuf b = (ByteBuf) o;
        try {
            return io.netty.buffer.ByteBufUtil.hexDump(b, b.readerIndex(), Math.min(12, b.readableBytes()));
        } finally {
            b.release();
        }
    }

    private List<String> drainOutbound() {
        List<String> out = new ArrayList<>();
        Object o;
        while ((o = ch.readOutbound()) != null) {
            ByteBuf b = (ByteBuf) o;
            if (b.readableBytes() >= 12) {
                out.add(header(b));
            } else {
                b.release();
            }
        }
        return out;
    }

    private FaultKind faultOf(ByteBuf frame) {
        try {
            ch.writeInbound(frame);
            ch.checkException();
        } catch (DecoderException e) {
            return ((PeerFault) e.getCause()).kind();
        } catch (PeerFault e) {
            return e.kind();
        }
        throw new AssertionError("no fault");
    }

    @Test
    void answersPingWithAck() {
        ch.writeInbound(YamuxFrames.frame(YamuxFrame.TYPE_PING, YamuxFrame.FLAG_SYN, 0, 0x1234, null));

        assertThat(drainOutbound()).containsExactly("000200020000000000001234");
    }

    @Test
    void acceptsAStreamAcksItAndGrantsWindowAsTheReaderConsumes() {
        ch.writeInbound(YamuxFrames.windowUpdate(1, YamuxFrame.FLAG_SYN, 0));
        ch.runPendingTasks();
        assertThat(drainOutbound()).containsExactly("000100020000000100000000");

        ch.writeInbound(YamuxFrames.data(1, 0, new byte[128 * 1024]));
        ch.runPendingTasks();

        assertThat(received).containsExactly(128L * 1024);
        // +128 KiB consumed, +256 KiB growth: the reader kept up, so the window doubles to 512 KiB
        assertThat(drainOutbound()).containsExactly("000100000000000100060000");
    }

    @Test
    void windowViolationIsAProtocolFaultAndSendsGoAway() {
        ch.writeInbound(YamuxFrames.windowUpdate(1, YamuxFrame.FLAG_SYN, 0));
        ch.runPendingTasks();
        drainOutbound();

        FaultKind kind = faultOf(YamuxFrames.data(1, 0, new byte[WireLimits.INITIAL_WINDOW + 1]));

        assertThat(kind).isEqualTo(FaultKind.PROTOCOL_VIOLATION);
        assertThat(drainOutbound()).contains("000300000000000000000001");
    }

    @Test
    void peerOpeningAStreamWithOurParityIsAProtocolFault() {
        assertThat(faultOf(YamuxFrames.windowUpdate(2, YamuxFrame.FLAG_SYN, 0)))
                .isEqualTo(FaultKind.PROTOCOL_VIOLATION);
    }

    @Test
    void streamFloodOverTheLimitIsARateLimitFault() {
        for (int id = 1; id <= 7; id += 2) {
            ch.writeInbound(YamuxFrames.windowUpdate(id, YamuxFrame.FLAG_SYN, 0));
        }
        assertThat(inbound).hasSize(4);

        assertThat(faultOf(YamuxFrames.windowUpdate(9, YamuxFrame.FLAG_SYN, 0))).isEqualTo(FaultKind.RATE_LIMIT);
    }

    @Test
    void framesForUnknownStreamsAreIgnored() {
        ch.writeInbound(YamuxFrames.windowUpdate(41, YamuxFrame.FLAG_FIN, 5));
        ch.writeInbound(YamuxFrames.data(43, 0, new byte[10]));

        assertThat(inbound).isEmpty();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void remoteFinThenLocalFinClosesTheStream() {
        ch.writeInbound(YamuxFrames.windowUpdate(1, YamuxFrame.FLAG_SYN, 0));
        ch.writeInbound(YamuxFrames.data(1, YamuxFrame.FLAG_FIN, new byte[] {7}));
        ch.runPendingTasks();
        YamuxStream s = inbound.get(0);

        s.closeWrite();
        ch.runPendingTasks();

        assertThat(s.closeFuture()).isCompleted();
        assertThat(drainOutbound()).contains("000100040000000100000000");
    }

    @Test
    void writesWaitForWindowAndResumeOnUpdate() {
        ch.writeInbound(YamuxFrames.windowUpdate(1, YamuxFrame.FLAG_SYN, 0));
        ch.runPendingTasks();
        YamuxStream s = inbound.get(0);
        drainOutbound();

        var done = s.write(Unpooled.wrappedBuffer(new byte[WireLimits.INITIAL_WINDOW + 100]));
        ch.runPendingTasks();
        assertThat(done).isNotDone();

        ch.writeInbound(YamuxFrames.windowUpdate(1, 0, 100));
        ch.runPendingTasks();
        assertThat(done).isCompleted();
    }
}
