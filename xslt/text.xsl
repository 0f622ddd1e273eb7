<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI → plain text in teikit's memo text format (docs/text-format.md): front
  matter, heading with its note mark, opener lines, paragraphs, [Page N],
  note marks, and the notes numbered at the end. Converting the result again
  gives the same TEI. With reading=yes: a clean reading text instead (deletions
  dropped, additions and hands unmarked, no escapes).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="width" as="xs:integer" select="0"/>
  <xsl:param name="reading" as="xs:string" select="'no'"/>
  <xsl:param name="front-matter" as="xs:string" select="'yes'"/>
  <xsl:param name="doc-id" as="xs:string" select="''"/>

  <xsl:variable name="src" as="xs:boolean" select="$reading != 'yes'"/>
  <xsl:variable name="NL" select="'&#10;'"/>
  <!-- Internal markers are Unicode noncharacters U+FDD0–U+FDD4 (reserved for a program's
       own use, never text: the validator rejects them and render_text refuses input that
       has them), so no character of a document can be taken for one. -->
  <xsl:variable name="OPEN" select="'&#xFDD0;'"/>
  <xsl:variable name="CLOSE" select="'&#xFDD1;'"/>
  <xsl:variable name="LINE" select="'&#xFDD2;'"/><!-- a line break inside a signature -->
  <xsl:variable name="FENCE" select="'&#xFDD3;'"/><!-- markup begins: never escaped -->
  <xsl:variable name="UNFENCE" select="'&#xFDD4;'"/>
  <xsl:variable name="head-kinds" select="('head', 'opener', 'list', 'pb')"/>
  <!-- What may stand before and after a bare note mark (kept in step with markers.py). -->
  <xsl:variable name="tk:mark-before" select="'[\p{L}.,;:)\]&quot;''”’»?!]'"/>
  <xsl:variable name="tk:mark-after" select="'[\s.,;:)\]&quot;''”’»?!—–/\[' || $OPEN || $FENCE || '-]'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="." mode="tk:page"/>
  </xsl:template>

  <xsl:template match="/" mode="tk:page">
    <xsl:variable name="all" select="tk:documents(.)"/>
    <xsl:variable name="docs" select="if ($doc-id != '') then $all[@xml:id = $doc-id] else $all"/>
    <!-- What the file holds besides its header: its text, and a documentary transcription
         (sourceDoc), registers or page zones beside or instead of it; a file whose root is
         not TEI (an included page) as it is. -->
    <xsl:variable name="wholes" select="if (/tei:TEI or /tei:teiCorpus)
        then //(tei:text[not(ancestor::tei:text)] | tei:sourceDoc | tei:standOff | tei:facsimile[.//tei:zone])
        else /*"/>
    <!-- one document alone, or with text around it (a source paragraph beside it)? Only
         asked when there is one document: a volume never needs the walk. -->
    <xsl:variable name="alone" select="count($docs) = 1 and ($doc-id != '' or (count($wholes) = 1
        and empty($wholes//text()[normalize-space()][not(ancestor::tei:div[@type = 'document'])])))"/>
    <xsl:variable name="texts" as="xs:string*" select="
        if ($alone)
        then tk:document($docs, true())
        else $wholes ! tk:volume-parts(.)"/>
    <xsl:if test="$witness != ''">
      <xsl:value-of select="'Text of witness ' || tk:witness-label(., $witness) || $NL || $NL"/>
    </xsl:if>
    <xsl:value-of select="string-join($texts, $NL || $NL || '* * *' || $NL || $NL)"/>
  </xsl:template>

  <!-- A volume: its documents in order, and every other part (front matter, compilation
       headings, page breaks between documents, back matter) as text between them. -->
  <xsl:function name="tk:volume-parts" as="xs:string*">
    <xsl:param name="el" as="element()"/>
    <xsl:for-each select="$el/*">
      <xsl:choose>
        <xsl:when test="self::tei:div[@type = 'document']"><xsl:sequence select="tk:document(., false())"/></xsl:when>
        <xsl:when test="self::tei:teiHeader"/>
        <xsl:when test=".//tei:div[@type = 'document']"><xsl:sequence select="tk:volume-parts(.)"/></xsl:when>
        <xsl:otherwise>
          <!-- a part outside the documents: its text, then its notes (numbered as their
               marks are, in the note's scope) -->
          <xsl:variable name="notes" select=".//tei:note[not(ancestor::tei:note or (tk:has-apps(.) and tk:of-app(.)))]"/>
          <xsl:variable name="t" select="tk:body(., count($notes))"/>
          <xsl:variable name="lines" select="$notes ! tk:note-lines(., tk:note-index(.), count($notes))"/>
          <xsl:variable name="t" select="string-join(($t[normalize-space()], string-join($lines, $NL)[. != ''],
              tk:apparatus-lines(., count($notes))[. != '']), $NL || $NL)"/>
          <xsl:if test="normalize-space($t)"><xsl:sequence select="$t"/></xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="tk:document" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:param name="with-front" as="xs:boolean"/>
    <xsl:variable name="notes" select="$doc//tei:note[not(ancestor::tei:note or (tk:has-apps(.) and tk:of-app(.)))]"/>
    <xsl:variable name="before" select="if ($with-front and $doc/self::tei:div and not($doc/preceding-sibling::tei:div))
        then $doc/preceding-sibling::tei:pb else ()"/>
    <xsl:variable name="lead" select="$doc/*[local-name() = $head-kinds
        and not(preceding-sibling::*[not(local-name() = $head-kinds)])]"/>
    <xsl:variable name="lead" select="$lead[not(self::tei:list[not(@type = ('subject', 'participants'))])]"/>
    <xsl:variable name="lead" select="$lead except $lead[self::tei:list][preceding-sibling::*[self::tei:list[not(@type = ('subject', 'participants'))]]]"/>
    <xsl:variable name="rest" select="$doc/* except $lead"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:if test="$with-front and $front-matter = 'yes'"><xsl:sequence select="tk:front-matter($doc)"/></xsl:if>
      <xsl:sequence select="$before ! tk:page-line(.)"/>
      <xsl:sequence select="string-join($lead ! tk:head-lines(., count($notes)), $NL)"/>
      <xsl:sequence select="tk:body($rest, count($notes))"/>
    </xsl:variable>
    <xsl:variable name="note-lines" select="for $i in 1 to count($notes) return tk:note-lines($notes[$i], $i, count($notes))"/>
    <xsl:variable name="apparatus" select="tk:apparatus-lines($doc, count($notes))"/>
    <xsl:sequence select="string-join($parts[. != ''], $NL || $NL)
        || (if (exists($notes)) then $NL || $NL || string-join($note-lines, $NL) else '')
        || (if ($apparatus != '') then $NL || $NL || $apparatus else '')
        || $NL"/>
  </xsl:function>

  <!-- Front matter: the header fields the converter reads back. -->
  <xsl:function name="tk:front-matter" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="h" select="tk:header($doc)"/>
    <xsl:variable name="digits" select="replace(string($doc/@xml:id), '[^0-9]', '')"/>
    <xsl:variable name="pub" select="normalize-space($h/tei:fileDesc/tei:publicationStmt)"/>
    <xsl:variable name="volume" select="count(tk:documents(root($doc))) gt 1"/>
    <xsl:variable name="pattern" select="($h/tei:encodingDesc/tei:p[starts-with(., 'Page images: ')])[1]"/>
    <xsl:variable name="fields" as="xs:string*" select="
        ($doc/@xml:id ! ('id: ' || .)),
        ($doc/@n[string(.) != $digits] ! ('n: ' || .)),
        (if ($volume) then 'title: ' || tk:doc-title($doc)
         else ($h/tei:fileDesc/tei:titleStmt/tei:title)[1] ! ('title: ' || tk:one-line(.))),
        ($h/tei:profileDesc/tei:creation/tei:date[@when][1] ! ('date: ' || @when)),
        (($h/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:title)[1] ! ('source: ' || tk:one-line(.))),
        (if ($volume) then () else
          (($h/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:biblScope[@unit = 'page'])[1] ! ('page: ' || tk:one-line(.)),
           $h/tei:fileDesc/tei:titleStmt/tei:editor ! ('editor: ' || tk:one-line(.)),
           if ($pub != '' and $pub != 'Encoded with teikit; not yet published.') then 'publisher: ' || $pub else ())),
        (root($doc)/*/@xml:lang[. != 'en'] ! ('language: ' || .)),
        ($h//tei:handNote[@xml:id] ! ('hand: ' || string-join((@xml:id, tk:one-line(.), @medium), ' | '))),
        ($pattern ! ('facs: ' || substring-after(., 'Page images: '))),
        (if ($width gt 0) then 'layout: wrapped' else ())"/>
    <xsl:sequence select="if ($src and exists($fields)) then string-join(('---', $fields, '---'), $NL) else ''"/>
  </xsl:function>

  <xsl:function name="tk:one-line" as="xs:string">
    <xsl:param name="el" as="node()"/>
    <xsl:sequence select="normalize-space(string($el))"/>
  </xsl:function>

  <!-- Head region: heading, opener, subject and participants lists, page lines. -->
  <xsl:function name="tk:head-lines" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:choose>
      <xsl:when test="$el/self::tei:head">
        <xsl:sequence select="tk:block($el, $count, 'heading') || $NL"/>
      </xsl:when>
      <xsl:when test="$el/self::tei:opener">
        <xsl:sequence select="string-join($el/* ! (if (self::tei:pb) then tk:page-line(.) else tk:block(., $count, 'line')), $NL)"/>
      </xsl:when>
      <xsl:when test="$el/self::tei:list[@type = 'subject']">
        <xsl:sequence select="string-join($el/* ! (if (self::tei:pb) then tk:page-line(.) else '  • ' || tk:block(., $count, 'line')), $NL)"/>
      </xsl:when>
      <xsl:when test="$el/self::tei:list">
        <xsl:sequence select="string-join($el/* ! (if (self::tei:pb) then tk:page-line(.) else tk:block(., $count, 'line')), $NL)"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="tk:page-line($el)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="tk:page-line" as="xs:string">
    <xsl:param name="pb" as="element()"/>
    <xsl:sequence select="if (normalize-space($pb/@n)) then '[Page ' || $pb/@n || ']' else '[page break]'"/>
  </xsl:function>

  <!-- Body: sections separated by two blank lines; paragraphs a line each (or wrapped). -->
  <xsl:function name="tk:body" as="xs:string">
    <xsl:param name="els" as="element()*"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:variable name="sep" select="if ($width gt 0) then $NL || $NL else $NL"/>
    <xsl:variable name="chunks" as="xs:string*">
      <xsl:for-each select="$els">
        <xsl:choose>
          <xsl:when test="self::tei:teiHeader"/>
          <!-- a dictionary entry or sense (common.xsl): the headword line (a sense's number
               and definition), then each sense, related entry or homograph on its own -->
          <xsl:when test="(self::tei:entry or self::tei:hom or self::tei:re or self::tei:sense)
              and not(ancestor::tei:standOff) and not(text()[normalize-space()])">
            <xsl:variable name="first" select="(tei:sense | tei:re | tei:hom | tei:entry | tei:dictScrap | tei:pb)[1]"/>
            <xsl:variable name="lead" select="if ($first) then node()[. &lt;&lt; $first] else node()"/>
            <xsl:variable name="label" select="if (self::tei:sense) then tk:sense-label(.)[. != ''] ! (. || '. ')
                else if (normalize-space(@n) and (parent::tei:superEntry or parent::tei:entry))
                then translate(normalize-space(@n), '0123456789', '⁰¹²³⁴⁵⁶⁷⁸⁹') || ' ' else ''"/>
            <xsl:variable name="line" select="tk:finish-block(tk:join-lines(tk:entry-text($lead)), $count, 'para')"/>
            <xsl:variable name="s" select="string-join((string-join(($label, $line), ''),
                for $c in * except $lead return if (local-name($c) = $tk:dict-parts)
                  then tk:finish-block(tk:join-lines(tk:entry-text($c)), $count, 'para')
                  else tk:body($c, $count))[normalize-space()], $sep)"/>
            <xsl:sequence select="if (self::tei:sense or self::tei:re) then $s else $NL || $NL || $s || $NL || $NL"/>
          </xsl:when>
          <!-- a section (common.xsl's behaviours): each child on its own, a blank line
               around -->
          <xsl:when test="(self::tei:div or self::tei:body or tk:behaviour(.) = 'section')
              and not(text()[normalize-space()])">
            <xsl:sequence select="$NL || $NL || tk:body(*, $count) || $NL || $NL"/>
          </xsl:when>
          <xsl:when test="self::tei:pb"><xsl:sequence select="tk:page-line(.)"/></xsl:when>
          <!-- a unit standing as a block (a verse line that some witnesses omit): the
               view's reading, as a block; its entry is in the apparatus -->
          <xsl:when test="self::tei:app"><xsl:sequence select="if (tk:apart(.)) then '' else tk:body(tk:shown(.), $count)"/></xsl:when>
          <xsl:when test="text()[normalize-space()]">
            <!-- text right inside (a closer's "Deinem treuen", a quote's words): one block -->
            <xsl:sequence select="tk:block(., $count, 'para')"/>
          </xsl:when>
          <xsl:when test="self::tei:closer">
            <xsl:sequence select="string-join(for $c in * return
                if ($c/self::tei:signed) then tk:signed-lines($c, $count) else tk:block($c, $count, 'line'), $sep)"/>
          </xsl:when>
          <xsl:when test="self::tei:head">
            <xsl:sequence select="tk:block(., $count, 'para')"/>
          </xsl:when>
          <xsl:when test="self::tei:list or self::tei:table or self::tei:opener or self::tei:lg or self::tei:quote[*]">
            <xsl:sequence select="string-join(* ! tk:block-any(., $count), $sep)"/>
          </xsl:when>
          <xsl:otherwise><xsl:sequence select="tk:block(., $count, 'para')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="s" select="tk:trim-lines(string-join($chunks[. != ''], $sep))"/>
    <xsl:sequence select="if (contains($s, $NL || $NL || $NL)) then replace($s, '\n\n\n+', $NL || $NL || $NL) else $s"/>
  </xsl:function>

  <xsl:function name="tk:block-any" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:sequence select="if ($el/self::tei:pb) then tk:page-line($el)
        else if ($el/self::tei:app) then string-join(tk:shown($el) ! tk:block-any(., $count), '')
        else if ($el/self::tei:row) then string-join($el/* ! tk:block(., $count, 'line'), ' | ')
        else if ($el/*[self::tei:p or self::tei:item or self::tei:row or self::tei:l]) then string-join($el/* ! tk:block-any(., $count), $NL)
        else tk:block($el, $count, 'para')"/>
  </xsl:function>

  <xsl:function name="tk:signed-lines" as="xs:string">
    <xsl:param name="signed" as="element()"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:variable name="raw" select="tk:inline-string($signed, $count)"/>
    <xsl:sequence select="string-join(tokenize($raw, $LINE) ! tk:finish-block(., $count, 'line'),
        if ($width gt 0) then $NL || $NL else $NL)"/>
  </xsl:function>

  <!-- One block of text as one line (or wrapped lines). -->
  <xsl:function name="tk:block" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="tk:finish-block(tk:inline-string($el, $count), $count, $kind)"/>
  </xsl:function>

  <xsl:function name="tk:inline-string" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:variable name="pieces" as="xs:string*">
      <xsl:apply-templates select="$el/node()" mode="inline"/>
    </xsl:variable>
    <xsl:sequence select="tk:join-lines(string-join($pieces, ''))"/>
  </xsl:function>

  <xsl:function name="tk:finish-block" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="s" select="if ($width gt 0) then normalize-space($s) else tk:trim($s)"/>
    <xsl:variable name="s" select="if ($src) then tk:escape-digits($s, $count, $kind = 'heading') else $s"/>
    <xsl:variable name="s" select="if (contains($s, $OPEN)) then tk:marks($s, $kind = 'heading') else $s"/>
    <xsl:variable name="s" select="if (contains($s, $FENCE) or contains($s, $UNFENCE)) then translate($s, $FENCE || $UNFENCE, '') else $s"/>
    <xsl:sequence select="if ($width gt 0 and $kind = 'para') then tk:wrap($s, $width, '') else $s"/>
  </xsl:function>

  <!-- Digits that the converter would take for a note mark are escaped with \ .
       Only a digit run inside a word can be taken for a mark, so words are looked at
       one by one, and only those with such a run (Saxon's regex engine is slow on
       patterns that can start anywhere; literal searches and translate() are fast). -->
  <xsl:function name="tk:escape-digits" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:param name="heading" as="xs:boolean"/>
    <xsl:variable name="out" select="
        if (translate($s, '0123456789', '') = $s) then $s
        else if (not(contains($s, $FENCE))) then tk:escape-chunk($s, $count)
        else string-join(tokenize($s, $FENCE) ! (
          if (position() = 1) then tk:escape-chunk(., $count)
          else if (contains(., $UNFENCE)) then $FENCE || substring-before(., $UNFENCE) || $UNFENCE
            || tk:escape-chunk(substring-after(., $UNFENCE), $count)
          else $FENCE || tk:escape-chunk(., $count)), '')"/>
    <xsl:sequence select="if ($heading and matches($out, ' [1-9][0-9]*$')
        and xs:integer(replace($out, '^.* ([1-9][0-9]*)$', '$1')) le $count + 1)
        then replace($out, ' ([1-9][0-9]*)$', ' \\$1') else $out"/>
  </xsl:function>

  <!-- A chunk of text outside markup: escaped only when some digit run stands where
       a mark could (after a letter or a mark-before character), which most do not. -->
  <xsl:function name="tk:escape-chunk" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:variable name="before-runs" select="tokenize($s, '[0-9][0-9]*')"/>
    <xsl:variable name="candidate" select="some $i in 1 to count($before-runs) - 1 satisfies
        tk:mark-context($before-runs[$i], $i gt 1)"/>
    <xsl:sequence select="if ($candidate) then tk:escape-word($s, $count) else $s"/>
  </xsl:function>

  <!-- Could a digit run that follows $before be read as a note mark? -->
  <xsl:function name="tk:mark-context" as="xs:boolean">
    <xsl:param name="before" as="xs:string"/>
    <xsl:param name="after-digits" as="xs:boolean"/>
    <xsl:variable name="prev" select="substring($before, string-length($before))"/>
    <xsl:variable name="prev2" select="if (string-length($before) ge 2)
        then substring($before, string-length($before) - 1, 1)
        else if ($after-digits) then '0' else ''"/>
    <xsl:sequence select="$prev != '' and (matches($prev, '\p{L}') or (matches($prev, $tk:mark-before)
        and not(matches($prev2, '[0-9\\]'))))"/>
  </xsl:function>

  <xsl:function name="tk:escape-word" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:sequence select="string-join(
        for $part in analyze-string($s, '[0-9][0-9]*')/* return
          if ($part/self::fn:match) then
            let $next := substring(string($part/following-sibling::*[1]), 1, 1)
            return if (not(starts-with($part, '0')) and xs:integer($part) le $count + 1
                       and tk:mark-context(string($part/preceding-sibling::*[1]),
                                           exists($part/preceding-sibling::*[2]))
                       and ($next = '' or matches($next, $tk:mark-after)))
                   then '\' || $part else string($part)
          else string($part), '')"/>
  </xsl:function>

  <!-- Note marks: bare digits where the converter will find them, else [^k]. -->
  <xsl:function name="tk:marks" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="heading" as="xs:boolean"/>
    <xsl:sequence select="string-join(
        for $part in analyze-string($s, $OPEN || '([0-9]+)' || $CLOSE)/* return
          if ($part/self::fn:match) then
            let $k := string($part/fn:group[1]),
                $left := $part/preceding-sibling::*[1],
                $right := $part/following-sibling::*[1],
                $next := if ($right/self::fn:match) then '[' else substring(string($right), 1, 1),
                $prev-ok := tk:mark-context(if ($left/self::fn:non-match) then string($left) else '0',
                                            exists($left/preceding-sibling::*)),
                $next-ok := $next = '' or matches($next, $tk:mark-after)
            return if (not($src)) then $k
                   else if ($heading and empty($right) and $prev-ok) then ' ' || $k
                   else if ($prev-ok and $next-ok) then $k
                   else '[^' || $k || ']'
          else string($part), '')"/>
  </xsl:function>

  <xsl:function name="tk:wrap" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:variable name="lines" as="xs:string*">
      <xsl:iterate select="tokenize($s, ' +')[. != '']">
        <xsl:param name="line" as="xs:string" select="''"/>
        <xsl:on-completion><xsl:sequence select="$line"/></xsl:on-completion>
        <xsl:choose>
          <xsl:when test="$line = ''">
            <xsl:next-iteration><xsl:with-param name="line" select="."/></xsl:next-iteration>
          </xsl:when>
          <xsl:when test="string-length($line) + 1 + string-length(.) gt $width - string-length($indent)">
            <xsl:sequence select="$line"/>
            <xsl:next-iteration><xsl:with-param name="line" select="."/></xsl:next-iteration>
          </xsl:when>
          <xsl:otherwise>
            <xsl:next-iteration><xsl:with-param name="line" select="$line || ' ' || ."/></xsl:next-iteration>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:iterate>
    </xsl:variable>
    <xsl:sequence select="string-join($lines, $NL || $indent)"/>
  </xsl:function>

  <!-- Notes at the end: "  1. text", later paragraphs indented. -->
  <xsl:function name="tk:note-lines" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="k" as="xs:integer"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:variable name="paras" select="if ($note/tei:p) then $note/* else $note"/>
    <xsl:variable name="label" select="if ($src) then string($k) else tk:note-label($note)"/>
    <xsl:variable name="texts" as="xs:string*">
      <xsl:for-each select="$paras">
        <xsl:variable name="t" select="tk:finish-block(if (self::tei:pb) then tk:page-line(.) else tk:inline-string(., $count), $count, 'line')"/>
        <xsl:sequence select="if ($src and position() gt 1 and matches($t, '^[0-9]+\.')) then '\' || $t else $t"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="texts" select="if ($width gt 0 and $src) then $texts ! replace(., '(^| )([0-9])([0-9]*\.)( |$)', '$1\\$2$3$4') else $texts"/>
    <xsl:variable name="first" select="'  ' || $label || '. '"/>
    <xsl:variable name="pad" select="'     '"/>
    <xsl:sequence select="string-join((
        $first || (if ($width gt 0) then tk:wrap($texts[1], $width - string-length($first), $pad) else $texts[1]),
        subsequence($texts, 2) ! ((if ($width gt 0) then $NL else '') || $pad || (if ($width gt 0) then tk:wrap(., $width - 5, $pad) else .))), $NL)"/>
  </xsl:function>

  <!-- White-space helpers: \s in XPath is space, tab, CR and LF. They test the ends
       first, so the common case costs no regular expression at all. -->
  <xsl:variable name="tk:ws" select="(' ', '&#9;', '&#10;', '&#13;')"/>
  <xsl:function name="tk:trim" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="tk:rtrim(if (substring($s, 1, 1) = $tk:ws) then replace($s, '^\s+', '') else $s)"/>
  </xsl:function>
  <xsl:function name="tk:rtrim" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (not(substring($s, string-length($s)) = $tk:ws)) then $s
        else if (normalize-space($s) = '') then ''
        else replace($s, '^(.*\S)\s+$', '$1', 's')"/>
  </xsl:function>
  <!-- Every run of white space that holds a line break becomes one space. -->
  <xsl:function name="tk:join-lines" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (not(contains($s, $NL))) then $s else
        let $lines := tokenize($s, '\n'), $last := count($lines)
        return string-join((tk:rtrim($lines[1]),
            $lines[position() gt 1 and position() lt $last] ! tk:trim(.)[. != ''],
            replace($lines[$last], '^\s+', '')), ' ')"/>
  </xsl:function>
  <!-- Without line breaks at either end. -->
  <xsl:function name="tk:trim-lines" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="s" select="if (starts-with($s, $NL)) then replace($s, '^\n+', '') else $s"/>
    <xsl:sequence select="if (ends-with($s, $NL)) then replace($s, '^(.*[^\n])\n+$', '$1', 's')
        else $s"/>
  </xsl:function>

  <!-- Fence markup so that escaping never touches it (removed before output). -->
  <xsl:function name="tk:m" as="xs:string">
    <xsl:param name="markup" as="xs:string"/>
    <xsl:sequence select="$FENCE || $markup || $UNFENCE"/>
  </xsl:function>

  <!-- Inline content -->
  <xsl:template match="text()" mode="inline">
    <xsl:sequence select="if ($src) then replace(., '([\\\[\]{}])', '\\$1') else string(.)"/>
  </xsl:template>
  <xsl:template match="tei:note" mode="inline">
    <xsl:sequence select="$OPEN || string(tk:note-index(.)) || $CLOSE"/>
  </xsl:template>

  <!-- A note's number among the notes of its document (or text, transcription, file). -->
  <xsl:function name="tk:note-index" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="scope" select="($note/ancestor::tei:div[@type = 'document'], $note/ancestor::tei:text,
        $note/ancestor::tei:sourceDoc, $note/ancestor::tei:standOff, root($note)/*)[1]"/>
    <xsl:variable name="notes" select="$scope//tei:note[not(ancestor::tei:note or (tk:has-apps(.) and tk:of-app(.)))]"/>
    <xsl:sequence select="(index-of($notes ! generate-id(.), generate-id($note))[1], 0)[1]"/>
  </xsl:function>
  <xsl:template match="tei:pb" mode="inline"><xsl:sequence select="tk:m(tk:page-line(.))"/></xsl:template>
  <xsl:template match="tei:lb" mode="inline">
    <xsl:sequence select="if (parent::tei:signed) then $LINE else ' '"/>
  </xsl:template>
  <xsl:template match="tei:handShift" mode="inline">
    <!-- teikit's syntax names a declared hand; a shift that names none (only a scribe or a
         medium, as TEI allows) is not said in the text -->
    <xsl:if test="$src and normalize-space(@new)"><xsl:sequence select="tk:m('{@' || tk:ref-id(@new) || '}')"/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:space" mode="inline"><xsl:sequence select="' '"/></xsl:template>
  <xsl:template match="tei:cb" mode="inline"><xsl:sequence select="' '"/></xsl:template>
  <xsl:template match="tei:add | tei:del" mode="inline">
    <xsl:variable name="mark" select="if (self::tei:add) then '+' else '-'"/>
    <xsl:variable name="hand" select="if (@hand) then '@' || tk:ref-id(@hand) || ' ' else ''"/>
    <xsl:choose>
      <xsl:when test="$src">
        <xsl:sequence select="tk:m('{' || $mark || $hand)"/>
        <xsl:apply-templates mode="inline"/>
        <xsl:sequence select="tk:m($mark || '}')"/>
      </xsl:when>
      <xsl:when test="self::tei:add"><xsl:apply-templates mode="inline"/></xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:gap" mode="inline">
    <xsl:sequence select="tk:m('[')"/>
    <xsl:choose>
      <xsl:when test="normalize-space(tei:desc)"><xsl:apply-templates select="tei:desc/node()" mode="inline"/></xsl:when>
      <xsl:otherwise><xsl:sequence select="string-join(('gap', @quantity, @unit, @reason), ' ')"/></xsl:otherwise>
    </xsl:choose>
    <xsl:sequence select="tk:m(']')"/>
  </xsl:template>
  <xsl:template match="tei:supplied | tei:unclear" mode="inline">
    <xsl:sequence select="tk:m('[')"/><xsl:apply-templates mode="inline"/><xsl:sequence select="tk:m(']')"/>
  </xsl:template>
  <xsl:template match="tei:choice" mode="inline">
    <xsl:apply-templates select="tk:choice-shown(.)/node(), text()[normalize-space()]" mode="inline"/>
  </xsl:template>

  <!-- The critical apparatus (apparatus.xsl chooses): the view's reading in the text, the
       entries after the notes, keyed by line, section or paragraph. -->
  <xsl:template match="tei:app[tk:apart(.)]" mode="inline" priority="2"/>
  <xsl:template match="tei:app" mode="inline">
    <xsl:apply-templates select="tk:shown(.)/node(), node()[not(self::tei:lem or self::tei:rdg
        or self::tei:rdgGrp or self::tei:note or self::tei:witDetail)][normalize-space()]" mode="inline"/>
  </xsl:template>
  <xsl:template match="tei:witStart | tei:witEnd | tei:lacunaStart | tei:lacunaEnd" mode="inline">
    <xsl:sequence select="tk:m('[' || tk:wit-event(.) || ']')"/>
  </xsl:template>
  <xsl:function name="tk:apparatus-lines" as="xs:string">
    <xsl:param name="scope" as="element()"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:variable name="apps" select="tk:apps-in($scope)[$witness = '' or tk:apart(.)]"/>
    <xsl:sequence select="if (empty($apps)) then ''
        else string-join(('Apparatus', $apps ! ('  ' || tk:app-key(.) || ' '
            || tk:finish-block(tk:entry-string(., $count), $count, 'line'))), $NL)"/>
  </xsl:function>
  <!-- "lemma] sigla; variant sigla (kind); om. sigla …", as html.xsl's app-entry. -->
  <xsl:function name="tk:entry-string" as="xs:string">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:variable name="lemma" select="tk:lemma($app)"/>
    <xsl:variable name="words" select="tokenize(tk:plain($lemma))"/>
    <xsl:variable name="adds" select="$lemma and tk:empty-reading($lemma)"/>
    <xsl:variable name="readings" as="xs:string*">
      <xsl:for-each select="tk:readings($app)">
        <xsl:variable name="rid" select="@xml:id"/>
        <xsl:sequence select="string-join((
            if (. is $lemma) then ()
            else if (tk:empty-reading(.)) then 'om.'
            else (if ($adds) then 'add. ' else '') || normalize-space(tk:entry-text(node())),
            tk:sigla(.),
            tk:reading-kind(.)[. != ''] ! ('(' || . || ')'),
            $app//tei:witDetail[$rid and tokenize(@target) ! tk:ref-id(.) = $rid][tk:of-app(.) is $app][node()] ! ('(' || normalize-space(tk:entry-text(node())) || ')')
          )[. != ''], ' ')"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="rest" select="$app//(tei:witDetail[not(tokenize(@target) ! tk:ref-id(.) = tk:readings($app)/@xml:id)]
        | tei:note)[tk:of-app(.) is $app] ! string-join(((self::tei:witDetail/@wit ! (string-join(tk:sigla(..), ' ') || ':')),
        normalize-space(tk:entry-text(node()))), ' ')"/>
    <xsl:sequence select="(if (tk:events-only($app)) then string-join(tk:readings($app) ! normalize-space(tk:entry-text(node())), '; ')
        else (if (count($words) gt 6 and not(tk:apart($app))) then $words[1] || ' … ' || $words[last()]
        else normalize-space(tk:entry-text($lemma/node()))) || tk:m(']')
        || (if (exists($readings[. != ''])) then ' ' || tk:m(string-join($readings[. != ''], '; ')) else ''))
        || string-join($rest ! (' ' || .), '')"/>
  </xsl:function>
  <xsl:function name="tk:entry-text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="pieces" as="xs:string*"><xsl:apply-templates select="$nodes" mode="inline"/></xsl:variable>
    <xsl:sequence select="string-join($pieces, '')"/>
  </xsl:function>
  <xsl:template match="tei:teiHeader[not(ancestor::tei:text)] | comment() | processing-instruction()" mode="inline"/>
  <!-- Elements TEI keeps empty, with words in them all the same: the words after the mark. -->
  <xsl:template match="(tei:anchor | tei:cb | tei:lb | tei:pb | tei:milestone | tei:handShift
      | tei:space | tei:witStart | tei:witEnd | tei:lacunaStart | tei:lacunaEnd | tei:graphic)[node()]
      | tei:gap[node() except tei:desc]" mode="inline" priority="10">
    <xsl:next-match/>
    <xsl:apply-templates select="node() except self::tei:gap/tei:desc" mode="inline"/>
  </xsl:template>
  <!-- A dictionary entry's parts (common.xsl): a space between two, pronunciation between
       slashes, the etymology in brackets. -->
  <xsl:template match="*[local-name() = $tk:dict-parts][tk:in-entry(.)]" mode="inline">
    <xsl:sequence select="tk:dict-space(.)"/>
    <xsl:sequence select="if (self::tei:pron) then '/' else if (self::tei:etym) then '[' else ()"/>
    <xsl:apply-templates mode="inline"/>
    <xsl:sequence select="if (self::tei:pron) then '/' else if (self::tei:etym) then ']' else ()"/>
  </xsl:template>
  <!-- Anything else: its text. -->
  <xsl:template match="*" mode="inline"><xsl:apply-templates mode="inline"/></xsl:template>

</xsl:stylesheet>
