/**
 * Pretrained BERT-family sentence encoders (issue 11): the subset of the ONNX format needed to read a model's graph
 * and initializers ({@link io.fedp2p.node.encoder.OnnxGraph}), the import that maps every weight to its layer and
 * role by walking the graph ({@link io.fedp2p.node.encoder.BertOnnxImport}), the Hugging Face tokenizer ({@link
 * io.fedp2p.node.encoder.SentenceTokenizer}) and the encoder rebuilt on DJL ({@link
 * io.fedp2p.node.encoder.BertEncoder}). The models ship as Maven Central jars ({@link
 * io.fedp2p.node.encoder.EncoderModel}); nothing is downloaded at run time.
 */
package io.fedp2p.node.encoder;
