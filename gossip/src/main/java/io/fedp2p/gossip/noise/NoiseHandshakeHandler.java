package io.fedp2p.gossip.noise;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the libp2p Noise XX handshake on a channel (LIBP2P.md §6): 2-byte big-endian length frames, the identity
 * payload in messages 2 and 3, signature check over the static key, the expected peer id check (before message 3
 * is sent), and the inlined muxer lists. On success it inserts {@link NoiseTransportEncoder} and {@link
 * NoiseTransportDecoder} after itself, fires {@link SecureSessionReady} and removes itself; bytes that followed
 * message 3 in the same read go on to the decoder. One per channel.
 */
public final class NoiseHandshakeHandler extends ByteToMessageDecoder {
    /** Pipeline names of the transport codecs this handler installs. */
    public static final String ENCODER_NAME = "noise-encoder";

    public static final String DECODER_NAME = "noise-decoder";

    private final boolean initiator;
    private final Identity identity;
    private final PeerId expectedRemote;
    private final List<String> muxers;
    private final XXHandshake handshake;
    private boolean started;

    /**
     * @param expectedRemote the peer the dialler wants ({@code /p2p} of the dialled address), or null
     */
    public NoiseHandshakeHandler(
            boolean initiator, Identity identity, PeerId expectedRemote, List<String> muxers, SecureRandom random) {
        this(
                initiator,
                identity,
                expectedRemote,
                muxers,
                X25519Keys.generate(random),
                () -> X25519Keys.generate(random));
    }

    NoiseHandshakeHandler(
            boolean initiator,
            Identity identity,
            PeerId expectedRemote,
            List<String> muxers,
            X25519Keys staticKeys,
            Supplier<X25519Keys> ephemerals) {
        this.initiator = initiator;
        this.identity = identity;
        this.expectedRemote = expectedRemote;
        this.muxers = List.copyOf(muxers);
        this.handshake = new XXHandshake(initiator, staticKeys, ephemerals, new byte[0]);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        start(ctx);
        super.channelActive(ctx);
    }

    private void start(ChannelHandlerContext ctx) {
        if (started) {
            return;
        }
        started = true;
        if (initiator) {
            send(ctx, handshake.writeMessage(new byte[0]));
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!handshake.isComplete() && in.readableBytes() >= 2) {
            int length = in.getUnsignedShort(in.readerIndex());
            if (in.readableBytes() < 2 + length) {
                return;
            }
            in.skipBytes(2);
            byte[] message = new byte[length];
            in.readBytes(message);
            onMessage(ctx, message);
        }
    }

    private void onMessage(ChannelHandlerContext ctx, byte[] message) {
        byte[] payload = handshake.readMessage(message);
        if (!initiator && !handshake.isComplete()) {
            // Message 1: its payload went through MixHash above and is discarded (LIBP2P.md §6.3).
            send(ctx, handshake.writeMessage(localPayload()));
            return;
        }
        HandshakePayloads.Remote remote = HandshakePayloads.verify(payload, handshake.remoteStaticKey());
        if (remote.peerId().equals(identity.peerId())) {
            throw new PeerFault(FaultKind.WRONG_PEER_ID, "remote peer has our own identity (self dial)");
        }
        if (expectedRemote != null && !expectedRemote.equals(remote.peerId())) {
            throw new PeerFault(
                    FaultKind.WRONG_PEER_ID, "dialled " + expectedRemote + " but the peer is " + remote.peerId());
        }
        if (initiator) {
            send(ctx, handshake.writeMessage(localPayload()));
        }
        finish(ctx, remote);
    }

    private byte[] localPayload() {
        return HandshakePayloads.build(identity, handshake.localStaticKey(), muxers);
    }

    private void finish(ChannelHandlerContext ctx, HandshakePayloads.Remote remote) {
        byte[][] keys = handshake.split();
        String self = ctx.name();
        ctx.pipeline().addAfter(self, DECODER_NAME, new NoiseTransportDecoder(TransportCipher.decryptor(keys[1])));
        ctx.pipeline().addAfter(self, ENCODER_NAME, new NoiseTransportEncoder(TransportCipher.encryptor(keys[0])));
        ctx.fireUserEventTriggered(new SecureSessionReady(remote, muxers));
        ctx.pipeline().remove(this);
    }

    private static void send(ChannelHandlerContext ctx, byte[] message) {
        ByteBuf out = ctx.alloc().buffer(2 + message.length);
        out.writeShort(message.length);
        out.writeBytes(message);
        ctx.writeAndFlush(out, ctx.voidPromise());
    }
}
