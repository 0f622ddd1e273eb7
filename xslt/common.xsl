<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared by every teikit output: one place decides a note's label, a text's
  effective hand, a page's image link and whether a URL may become a link, so
  HTML, print and text never disagree.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all">

  <!-- Page-image URL pattern; {facs} is replaced by pb/@facs, {n} by pb/@n. -->
  <xsl:param name="facs-pattern" as="xs:string" select="''"/>

  <xsl:key name="hand" match="tei:handNote[@xml:id]" use="@xml:id"/>
  <xsl:key name="id" match="*[@xml:id]" use="@xml:id"/>

  <!-- Elements whose text starts a new run for handShift (the shift's scope). -->
  <xsl:variable name="tk:block-names" as="xs:string*"
      select="('p','head','item','note','ab','l','salute','signed','dateline','cell','label',
               'seg','closer','opener','quote','q','byline','trailer','docAuthor','figDesc')"/>

  <!-- The document divisions of a file: FRUS-style documents, or the whole body. -->
  <xsl:function name="tk:documents" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="docs" select="$root//tei:div[@type = 'document']"/>
    <xsl:sequence select="if (exists($docs)) then $docs else $root//tei:text[1]"/>
  </xsl:function>

  <!-- The printed label of a note: its @n; "Source" for a source note; else its number. -->
  <xsl:function name="tk:note-label" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:choose>
      <xsl:when test="$note/@type = 'source' and (not($note/@n) or $note/@n = ('0', ''))">Source</xsl:when>
      <xsl:when test="normalize-space($note/@n)"><xsl:value-of select="normalize-space($note/@n)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="tk:note-number($note)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Position of a note among the notes of its document (1, 2, 3…). -->
  <xsl:function name="tk:note-number" as="xs:integer">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:variable name="doc" select="($note/ancestor::tei:div[@type = 'document'][1], $note/ancestor::tei:text[1])[1]"/>
    <xsl:sequence select="count($note/preceding::tei:note[not(ancestor::tei:note)]
                               [(ancestor::tei:div[@type = 'document'][1], ancestor::tei:text[1])[1] is $doc]) + 1"/>
  </xsl:function>

  <!-- A stable id for anything: its xml:id, else a generated one (deterministic per input). -->
  <xsl:function name="tk:id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/@xml:id) then string($el/@xml:id) else 'tk-' || generate-id($el)"/>
  </xsl:function>

  <!-- The hand a node is written in: the closest @hand, else the last handShift
       before it in its block, else the empty string (the main hand). -->
  <xsl:function name="tk:hand" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="own" select="$node/ancestor-or-self::*[@hand][1]/@hand"/>
    <xsl:choose>
      <xsl:when test="$own"><xsl:sequence select="tk:ref-id($own)"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="block" select="$node/ancestor::*[local-name() = $tk:block-names][1]"/>
        <xsl:variable name="shift" select="($block//tei:handShift[. &lt;&lt; $node])[last()]"/>
        <xsl:sequence select="if ($shift) then tk:ref-id($shift/@new) else ''"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="tk:ref-id" as="xs:string">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:sequence select="replace(normalize-space(($ref, '')[1]), '^#', '')"/>
  </xsl:function>

  <!-- Human description of a hand: "Dean Acheson (pencil)", or its id when undeclared. -->
  <xsl:function name="tk:hand-label" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="note" select="key('hand', $id, root($context))[1]"/>
    <xsl:sequence select="if ($note)
        then normalize-space(string($note)) || (if ($note/@medium) then ' (' || $note/@medium || ')' else '')
        else $id"/>
  </xsl:function>

  <!-- 1-based index of a hand among the declared hands (drives its colour and face). -->
  <xsl:function name="tk:hand-index" as="xs:integer">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="note" select="key('hand', $id, root($context))[1]"/>
    <xsl:sequence select="if ($note) then (count($note/preceding::tei:handNote) mod 6) + 1 else 6"/>
  </xsl:function>

  <!-- A URL that may become a link, or '' when its scheme is unsafe. -->
  <xsl:function name="tk:safe-url" as="xs:string">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="replace(($url, '')[1], '[\s\p{Cc}]', '')"/>
    <xsl:variable name="scheme" select="lower-case(replace($u, '^([A-Za-z][A-Za-z0-9+.\-]*):.*$', '$1'))"/>
    <xsl:sequence select="
        if ($u = '') then ''
        else if (matches($u, '^[A-Za-z][A-Za-z0-9+.\-]*:')) then
          (if ($scheme = ('http', 'https', 'mailto')) then $u else '')
        else if (starts-with($u, '//')) then ''
        else $u"/>
  </xsl:function>

  <!-- The page-image URL of a pb, or '' when none is known or it is unsafe. -->
  <xsl:function name="tk:facs-url" as="xs:string">
    <xsl:param name="pb" as="element(tei:pb)"/>
    <xsl:variable name="f" select="normalize-space($pb/@facs)"/>
    <xsl:sequence select="
        if ($f = '') then ''
        else if (matches($f, '^https?://')) then tk:safe-url($f)
        else if ($facs-pattern != '') then
          tk:safe-url(replace(replace($facs-pattern, '{facs}', $f, 'q'), '{n}', string($pb/@n), 'q'))
        else ''"/>
  </xsl:function>

  <!-- The header of the file an element belongs to (a direct path: no whole-document scan). -->
  <xsl:function name="tk:header" as="element(tei:teiHeader)?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="root($node)/(tei:TEI | tei:teiCorpus)/tei:teiHeader"/>
  </xsl:function>

  <!-- Text of an element as a reader sees it in a title or a list: no notes, no deletions. -->
  <xsl:function name="tk:plain" as="xs:string">
    <xsl:param name="el" as="element()?"/>
    <xsl:sequence select="normalize-space(string-join($el//text()[not(ancestor::tei:note or ancestor::tei:del
        or ancestor::tei:sic[parent::tei:choice] or ancestor::tei:orig[parent::tei:choice]
        or ancestor::tei:abbr[parent::tei:choice])], ''))"/>
  </xsl:function>

  <!-- The title of a document: its head, else the header title. -->
  <xsl:function name="tk:doc-title" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="head" select="tk:plain($doc/tei:head[1])"/>
    <xsl:sequence select="if ($head) then $head
        else tk:plain((tk:header($doc)/tei:fileDesc/tei:titleStmt/tei:title)[1])"/>
  </xsl:function>

  <!-- The best date of a document: dateline @when, else creation date, else ''. -->
  <xsl:function name="tk:doc-date" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="d" select="($doc//tei:dateline//tei:date[@when or @from or @notBefore],
        tk:header($doc)/tei:profileDesc/tei:creation/tei:date[@when])[1]"/>
    <xsl:sequence select="string(($d/@when, $d/@from, $d/@notBefore, '')[1])"/>
  </xsl:function>

</xsl:stylesheet>
