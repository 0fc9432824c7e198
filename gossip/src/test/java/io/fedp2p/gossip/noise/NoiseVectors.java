package io.fedp2p.gossip.noise;

import java.util.HexFormat;

/** Test vectors of LIBP2P.md §6.9 (cacophony Noise_XX_25519_ChaChaPoly_SHA256 and the libp2p transcript). */
final class NoiseVectors {
    static final HexFormat HEX = HexFormat.of();

    static final String INIT_STATIC = "e61ef9919cde45dd5f82166404bd08e38bceb5dfdfded0a34c8df7ed542214d1";
    static final String INIT_EPHEMERAL = "893e28b9dc6ca8d611ab664754b8ceb7bac5117349a4439a6b0569da977c464a";
    static final String RESP_STATIC = "4a3acbfdb163dec651dfa3194dece676d437029c62a408b4c5ea9114246e4893";
    static final String RESP_EPHEMERAL = "bbdb4cdbd309f1a1f2e1456967fe288cadd6f712d65dc7b7793d5e63da6b375b";

    static final String INIT_IDENTITY_SEED = "7e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d";
    static final String RESP_IDENTITY_SEED = "01".repeat(32);

    static final String FRAME1 = "0020ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3afa4c7944";
    static final String FRAME2 =
            "00d895ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f14480884381cbad1f276e038c48"
                    + "378ffce2b65285e08d6b68aaa3629a5a8639392490e5b90b20f024c6abdc05d618c61c13a3fe07127982eb5ca7a36417f55d441aea2"
                    + "cf136ada049ebc88f37ab9ec7a1d98056cda9cd417ca933c92b03277d73bb98460d5871887385ad5021b79b8b7e6f427b2d0766f20e7"
                    + "5e1bb6a753fb05f1063be4bb6d0a99b3fe855e94d95af3bc7ae6db77cf90215ac02acb9503974a5cae505fe7ff65e88cf556e273bd0"
                    + "652b46e0c4cf440822dbed1a518f";
    static final String FRAME3 =
            "00b8c7195ffacac1307ff99046f219750fc47693e23c3cb08b89c2af808b444850a89a77bbab7e53b0bbe8be"
                    + "a4b115fe509914c3d6e0e8ecd41217ddfdf0afb41507a1be308a2142c5bd7aa4533305677b3e694b63076f9d2df0fe4d73b41977108"
                    + "0a6cf96b373850176596856cd9886b5ccf7b92fd0b13c9d40153da17beeda35f1631e57da5fabbc42aaeea8ff1a68839842fe919082"
                    + "3c6eb044e1b00c760b0081d2628ff15e062ef3d6ae275738cc3f3cdbd7e4c5f8a6c758";
    static final String MSS_YAMUX = "132f6d756c746973747265616d2f312e302e300a0d2f79616d75782f312e302e300a";
    static final String I_TO_R =
            "670afd442e0c4ead4470332ef0bebbb0ffc8be7df43a8e78e19ebf0bd2f3e61be2e1dcd65b8f81a86de6e" + "a2bf575392d69a0";
    static final String R_TO_I =
            "c63821ce3fc1e866a0663855641dcfd16e34a5d153d5b493458f7d24a63804ff76d6dd28c3e567a0bfb21" + "8e1c782a866cb39";

    private NoiseVectors() {}

    static X25519Keys keys(String hex) {
        return X25519Keys.fromSecret(HEX.parseHex(hex));
    }
}
