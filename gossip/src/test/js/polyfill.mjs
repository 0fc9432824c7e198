// libp2p 3.x calls Promise.withResolvers (Node 22+) without declaring it in "engines" (LIBP2P.md §11.7).
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers () {
    let resolve
    let reject
    const promise = new Promise((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}
