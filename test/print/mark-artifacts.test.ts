/**
 * markArtifacts on content streams written the way Chromium writes them: page furniture
 * painted outside any MCID sequence is wrapped as an /Artifact, at the outermost level and
 * outside text objects; content already marked is left alone.
 */
import { describe, expect, it } from 'vitest';
import { markArtifacts, markArtifactsInBytes } from '../../scripts/print/pdf-splice/mark-artifacts.js';

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

  it('finds the end of a covered sequence past strings, comments, names and hex strings that spell operators', () => {
    const covered = '/P <</MCID 0 /ActualText (EMC) >>BDC BT (a EMC \\) BDC) Tj % EMC\n/EMC 1 Tf < 0B DC > Tj <0BDC> Tj ET EMC';
    expect(markArtifacts(`${covered} 0 0 5 5 re f`)).toBe(`${covered}/Artifact BMC\n 0 0 5 5 re f\nEMC\n`);
    // Nested sequences, covering or not, end inside it.
    const nested = '/P <</MCID 0>> BDC /Span <</ActualText <feff0041>>> BDC /X BMC 0 0 1 1 re f EMC EMC EMC';
    expect(markArtifacts(`${nested} 0 0 5 5 re f`)).toBe(`${nested}/Artifact BMC\n 0 0 5 5 re f\nEMC\n`);
  });

  it('leaves a run that starts inside a text object opened in a covered sequence as it is', () => {
    expect(markArtifacts('/P <</MCID 0>> BDC BT <01> Tj EMC <02> Tj ET')).toBeUndefined();
    expect(markArtifacts('/P <</MCID 0>> BDC BT <01> Tj ET EMC BT <02> Tj ET')).toBe(
      '/P <</MCID 0>> BDC BT <01> Tj ET EMC/Artifact BMC\n BT <02> Tj ET\nEMC\n',
    );
  });

  it('skips inline image data, and stops on stray delimiters rather than looping', () => {
    expect(markArtifacts('/P <</MCID 0>> BDC BI /W 1 ID xx EMC xx EI EMC BI /W 1 ID yy EI')).toBe(
      '/P <</MCID 0>> BDC BI /W 1 ID xx EMC xx EI EMC/Artifact BMC\n BI /W 1 ID yy EI\nEMC\n',
    );
    expect(markArtifacts(') > 0 0 5 5 re f')).toBe('/Artifact BMC\n) > 0 0 5 5 re f\nEMC\n');
  });

  it('gives the same bytes from a decoded stream as from its text', () => {
    const content = 'q BT <01> Tj ET /P <</MCID 0 >>BDC BT <02> Tj ET EMC 0 0 5 5 re f Q \xe9';
    expect(markArtifactsInBytes(Buffer.from(content, 'latin1'))?.toString('latin1')).toBe(markArtifacts(content));
    expect(markArtifactsInBytes(Buffer.from('/P <</MCID 0 >>BDC BT <02> Tj ET EMC', 'latin1'))).toBeUndefined();
  });
});
