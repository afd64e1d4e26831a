/**
 * markArtifacts on content streams written the way Chromium writes them: page furniture
 * painted outside any MCID sequence is wrapped as an /Artifact, at the outermost level and
 * outside text objects; content already marked is left alone.
 */
import { describe, expect, it } from 'vitest';
import { markArtifacts } from '../../scripts/print/pdf-splice/mark-artifacts.js';

describe('markArtifacts', () => {
  it('wraps a running header painted before the tagged content, with its ActualText spans inside', () => {
    const content =
      'q 1 0 0 1 0 0 cm\nBT\n/F4 9 Tf\n<0001> Tj\n/Span<</ActualText <feff2002> >> BDC\n<0002> Tj\nEMC\nET\n58 58 165 2 re\nf\n/P <</MCID 0 >>BDC\nBT\n<0003> Tj\nET\nEMC\nQ';
    expect(markArtifacts(content)).toBe(
      'q 1 0 0 1 0 0 cm\nBT\n/F4 9 Tf\n<0001> Tj\n/Span<</ActualText <feff2002> >> BDC\n<0002> Tj\nEMC\nET\n58 58 165 2 re\nf\n\nEMC\n/P <</MCID 0 >>BDC\nBT\n<0003> Tj\nET\nEMC\nQ'.replace(
        /^/,
        '/Artifact BMC\n',
      ),
    );
  });

  it('wraps generated text between two tagged runs, and paints after the last one', () => {
    const content = '/P <</MCID 0 >>BDC BT <01> Tj ET EMC BT <02> Tj ET /P <</MCID 1 >>BDC BT <03> Tj ET EMC 0 0 5 5 re f';
    expect(markArtifacts(content)).toBe(
      '/P <</MCID 0 >>BDC BT <01> Tj ET EMC/Artifact BMC\n BT <02> Tj ET \nEMC\n/P <</MCID 1 >>BDC BT <03> Tj ET EMC/Artifact BMC\n 0 0 5 5 re f\nEMC\n',
    );
  });

  it('leaves marked content, artifacts and state changes alone', () => {
    expect(markArtifacts('q 1 0 0 rg /P <</MCID 0 >>BDC 0 0 5 5 re f EMC /Artifact BMC BT <01> Tj ET EMC Q')).toBeUndefined();
    expect(markArtifacts('/Span <</MCID 3>> BDC (a (nested) string EMC) Tj EMC')).toBeUndefined();
  });

  it('does not break a text object: unmarked text that ends inside one stays as it is', () => {
    expect(markArtifacts('BT <01> Tj /P <</MCID 0 >>BDC <02> Tj EMC ET')).toBeUndefined();
  });
});
