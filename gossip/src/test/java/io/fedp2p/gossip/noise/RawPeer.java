package io.fedp2p.gossip.noise;

import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.mss.MssLines;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

/**
 * A scriptable, blocking libp2p client for hostile-peer tests: it can send raw bytes, stop half-way through the
 * handshake, forge the identity signature, and after a real handshake send arbitrary (encrypted) yamux bytes.
 */
public final class RawPeer implements Closeable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private TransportCipher send;

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RawPeer connect(InetSocketAddress address) throws IOException {
        Socket s = new Socket();
        s.connect(address, 5000);
        s.setSoTimeout(5000);
        return new RawPeer(s);
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** multistream-select {@code /noise} and read both answer lines. */
    public void selectNoise() throws IOException {
        write(MssLines.encode(MssLines.HEADER));
        write(MssLines.encode("/noise"));
        readLine();
        readLine();
    }

    private void readLine() throws IOException {
        int len = in.readUnsignedByte();
        in.readFully(new byte[len]);
    }

    /** Sends only the first {@code n} bytes of Noise message 1, then nothing more. */
    public void sendPartialMessage1(int n) throws IOException {
        XXHandshake hs = new XXHandshake(
                true,
                X25519Keys.generate(new SecureRandom()),
                () -> X25519Keys.generate(new SecureRandom()),
                new byte[0]);
        byte[] m1 = hs.writeMessage(new byte[0]);
        ByteBuf frame = Unpooled.buffer().writeShort(m1.length).writeBytes(m1);
        byte[] all = new byte[frame.readableBytes()];
        frame.readBytes(all);
        out.write(all, 0, n);
        out.flush();
    }

    /**
     * Runs the XX handshake as initiator with {@code identity}, listing yamux as muxer. With {@code forgeSignature}
     * the identity signature covers a different static key than the one sent.
     */
    public void handshake(Identity identity, boolean forgeSignature) throws IOException {
        SecureRandom random = new SecureRandom();
        X25519Keys statics = X25519Keys.generate(random);
        XXHandshake hs = new XXHandshake(true, statics, () -> X25519Keys.generate(random), new byte[0]);
        sendFrame(hs.writeMessage(new byte[0]));
        hs.readMessage(readFrame());
        byte[] signedKey = forgeSignature ? X25519Keys.generate(random).publicKey() : statics.publicKey();
        sendFrame(hs.writeMessage(HandshakePayloads.build(identity, signedKey, List.of("/yamux/1.0.0"))));
        send = TransportCipher.encryptor(hs.split()[0]);
    }

    /** Encrypts and sends {@code plaintext} as Noise transport messages. */
    public void sendEncrypted(byte[] plaintext) throws IOException {
        ByteBuf p = Unpooled.wrappedBuffer(plaintext);
        while (p.isReadable()) {
            int n = Math.min(p.readableBytes(), TransportCipher.MAX_PLAINTEXT);
            ByteBuf frame = Unpooled.buffer(n + 18);
            frame.writeShort(n + TransportCipher.TAG_BYTES);
            send.encrypt(p, n, frame);
            byte[] bytes = new byte[frame.readableBytes()];
            frame.readBytes(bytes);
            out.write(bytes);
        }
        out.flush();
    }

    /** True when the remote closes the connection within {@code timeout} (whatever it sends before is dropped). */
    public boolean closedWithin(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] sink = new byte[8192];
        try {
            while (System.nanoTime() < deadline) {
                try {
                    if (in.read(sink) < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    // keep waiting until the deadline
                }
            }
            return false;
        } catch (IOException e) {
            return true; // reset by the peer
        }
    }

    private void sendFrame(byte[] message) throws IOException {
        ByteBuf f = Unpooled.buffer().writeShort(message.length).writeBytes(message);
        byte[] bytes = new byte[f.readableBytes()];
        f.readBytes(bytes);
        write(bytes);
    }

    private byte[] readFrame() throws IOException {
        int len = in.readUnsignedShort();
        byte[] m = new byte[len];
        in.readFully(m);
        return m;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
