// A js-libp2p peer driven by the gossip module's interop tests (LIBP2P.md §11).
//
//   node interop-peer.mjs id --seed HEX64
//       prints {"peerId", "cid", "publicKeyProtobufHex"} for the Ed25519 seed
//   node interop-peer.mjs listen --seed HEX64 [--listen MULTIADDR]
//       serves identify, ping, /perf/1.0.0 and /fedp2p/echo/1.0.0; prints {"event":"listening",...};
//       then reads one JSON command per stdin line and answers one JSON line {"id", "ok", ...} each;
//       unsolicited events (identify, connection close) are printed as {"event": ...} lines.
//       Exits when stdin closes.
import './polyfill.mjs'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { generateKeyPairFromSeed, publicKeyFromProtobuf, publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey, peerIdFromPublicKey, peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import readline from 'node:readline'

const ECHO = '/fedp2p/echo/1.0.0'
const PERF = '/perf/1.0.0'
const PERF_CHUNK = 64 * 1024

function arg (name, fallback) {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : fallback
}

function hex (bytes) {
  return Buffer.from(bytes).toString('hex')
}

function out (obj) {
  process.stdout.write(JSON.stringify(obj) + '\n')
}

async function keyFromSeed () {
  const seed = arg('--seed')
  if (seed == null || !/^[0-9a-fA-F]{64}$/.test(seed)) {
    throw new Error('--seed must be 64 hex digits')
  }
  return generateKeyPairFromSeed('Ed25519', Buffer.from(seed, 'hex'))
}

async function send (stream, bytes) {
  if (!stream.send(bytes)) {
    await stream.onDrain()
  }
}

async function sendZeros (stream, count, first) {
  const zeros = new Uint8Array(PERF_CHUNK)
  let left = count
  if (first != null) {
    const n = Math.min(left, PERF_CHUNK - first.length)
    const buf = new Uint8Array(first.length + n)
    buf.set(first, 0)
    await send(stream, buf)
    left -= n
  }
  while (left > 0) {
    const n = Math.min(left, PERF_CHUNK)
    await send(stream, n === PERF_CHUNK ? zeros : zeros.subarray(0, n))
    left -= n
  }
}

let lastPerfUpload = -1

async function perfServer (stream) {
  let header = new Uint8Array(0)
  let received = 0
  for await (const chunk of stream) {
    received += chunk.byteLength
    if (header.length < 8) {
      const bytes = chunk.subarray()
      const joined = new Uint8Array(header.length + bytes.length)
      joined.set(header, 0)
      joined.set(bytes, header.length)
      header = joined
    }
  }
  lastPerfUpload = received - 8
  const size = Number(Buffer.from(header.subarray(0, 8)).readBigUInt64BE())
  await sendZeros(stream, size, null)
  await stream.close()
}

async function perfClient (node, addr, upload, download) {
  const start = process.hrtime.bigint()
  const stream = await node.dialProtocol(multiaddr(addr), PERF)
  const size = Buffer.alloc(8)
  size.writeBigUInt64BE(BigInt(download))
  await sendZeros(stream, upload, new Uint8Array(size))
  await stream.close()
  let received = 0
  for await (const chunk of stream) {
    received += chunk.byteLength
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  return { uploadBytes: upload, downloadBytes: received, seconds }
}

async function echoServer (stream) {
  for await (const chunk of stream) {
    await send(stream, chunk.subarray())
  }
  await stream.close()
}

async function echoClient (node, addr, bytes) {
  const stream = await node.dialProtocol(multiaddr(addr), ECHO)
  const payload = new Uint8Array(bytes)
  for (let i = 0; i < bytes; i++) payload[i] = (i * 31 + 7) & 0xff
  const reading = (async () => {
    const got = []
    let n = 0
    for await (const chunk of stream) {
      got.push(chunk.subarray())
      n += chunk.byteLength
    }
    return Buffer.concat(got, n)
  })()
  await send(stream, payload)
  await stream.close()
  const echoed = await reading
  if (!Buffer.from(payload).equals(echoed)) {
    throw new Error(`echo mismatch: sent ${bytes} bytes, got ${echoed.length}`)
  }
}

async function handle (node, cmd) {
  switch (cmd.cmd) {
    case 'dial': {
      const conn = await node.dial(multiaddr(cmd.addr))
      return { peerId: conn.remotePeer.toString(), remoteAddr: conn.remoteAddr.toString() }
    }
    case 'ping': {
      const rtt = await node.services.ping.ping(multiaddr(cmd.addr))
      return { rttMs: rtt }
    }
    case 'perf': {
      // "repeat": run several exchanges in a row (the first ones warm the JIT up); the last one is reported
      const runs = []
      for (let i = 0; i < (cmd.repeat ?? 1); i++) {
        runs.push(await perfClient(node, cmd.addr, cmd.upload, cmd.download))
      }
      return { ...runs[runs.length - 1], runs }
    }
    case 'echo': {
      const count = cmd.count ?? 1
      await Promise.all(Array.from({ length: count }, () => echoClient(node, cmd.addr, cmd.bytes)))
      return { streams: count }
    }
    case 'connections':
      return {
        connections: node.getConnections().map(c => ({
          peerId: c.remotePeer.toString(),
          remoteAddr: c.remoteAddr.toString(),
          status: c.status,
          direction: c.direction,
          ageMs: Date.now() - c.timeline.open
        }))
      }
    case 'peer': {
      const peer = await node.peerStore.get(peerIdFromString(cmd.peerId))
      return { protocols: peer.protocols }
    }
    case 'perf-stats':
      return { lastUpload: lastPerfUpload }
    case 'hangup':
      await node.hangUp(multiaddr(cmd.addr))
      return {}
    default:
      throw new Error('unknown command ' + cmd.cmd)
  }
}

async function listen () {
  const node = await createLibp2p({
    privateKey: await keyFromSeed(),
    addresses: { listen: [arg('--listen', '/ip4/127.0.0.1/tcp/0')] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify(), ping: ping() }
  })
  const limits = { maxInboundStreams: 512, maxOutboundStreams: 512 }
  await node.handle(ECHO, (stream) => { echoServer(stream).catch(e => stream.abort(e)) }, limits)
  await node.handle(PERF, (stream) => { perfServer(stream).catch(e => stream.abort(e)) }, limits)
  node.addEventListener('peer:identify', (evt) => {
    const d = evt.detail
    out({
      event: 'identify',
      peerId: d.peerId.toString(),
      publicKeyMatches: d.publicKey != null && d.peerId.equals(peerIdFromPublicKey(publicKeyFromProtobuf(d.publicKey))),
      agentVersion: d.agentVersion,
      protocolVersion: d.protocolVersion,
      protocols: d.protocols,
      listenAddrs: d.listenAddrs.map(a => a.toString()),
      observedAddr: d.observedAddr?.toString()
    })
  })
  node.addEventListener('connection:close', (evt) => {
    out({ event: 'connection:close', peerId: evt.detail.remotePeer.toString() })
  })
  await node.start()
  out({ event: 'listening', peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map(a => a.toString()) })
  const rl = readline.createInterface({ input: process.stdin })
  const inFlight = new Set()
  rl.on('line', (line) => {
    let cmd
    try {
      cmd = JSON.parse(line)
    } catch (e) {
      out({ ok: false, error: 'bad json: ' + e.message })
      return
    }
    const p = handle(node, cmd).then(
      (res) => out({ id: cmd.id, ok: true, ...res }),
      (err) => out({ id: cmd.id, ok: false, error: String(err?.stack ?? err) })
    )
    inFlight.add(p)
    p.finally(() => inFlight.delete(p))
  })
  rl.on('close', async () => {
    // stdin closed: finish the commands already received, then stop
    await Promise.allSettled([...inFlight])
    await node.stop()
    process.exit(0)
  })
}

async function main () {
  const mode = process.argv[2]
  if (mode === 'id') {
    const key = await keyFromSeed()
    const id = peerIdFromPrivateKey(key)
    out({ peerId: id.toString(), cid: id.toCID().toString(), publicKeyProtobufHex: hex(publicKeyToProtobuf(key.publicKey)) })
  } else if (mode === 'listen') {
    await listen()
  } else {
    throw new Error('usage: interop-peer.mjs id|listen --seed HEX64 [--listen MULTIADDR]')
  }
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n')
  process.exit(1)
})
