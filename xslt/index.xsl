<?xml version="1.0" encoding="UTF-8"?>
<!-- Edition manifest (written by teikit build) → index.html: number, date, title, links. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all">
  <xsl:import href="common.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8"/>
  <xsl:param name="css" as="xs:string" select="''"/>
  <xsl:param name="css-href" as="xs:string" select="''"/>

  <xsl:template match="/edition">
    <html lang="en">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="teikit"/>
        <title><xsl:value-of select="@title"/></title>
        <xsl:if test="$css-href != ''"><link rel="stylesheet" href="{tk:safe-url($css-href)}"/></xsl:if>
        <xsl:if test="$css != ''"><style><xsl:value-of select="$css"/></style></xsl:if>
      </head>
      <body>
        <main class="edition-index">
          <h1><xsl:value-of select="@title"/></h1>
          <p><xsl:value-of select="count(doc)"/> documents
            <xsl:if test="@pdf != ''"> · <a href="{tk:safe-url(@pdf)}">the whole edition as PDF</a></xsl:if></p>
          <table>
            <thead><tr><th scope="col">No.</th><th scope="col">Date</th><th scope="col">Title</th><th scope="col">Also</th></tr></thead>
            <tbody>
              <xsl:for-each select="doc">
                <tr>
                  <td><xsl:value-of select="@n"/></td>
                  <td><xsl:if test="@date != ''"><time datetime="{@date}"><xsl:value-of select="@date"/></time></xsl:if></td>
                  <td><a href="{tk:safe-url(@href)}"><xsl:value-of select="@title"/></a></td>
                  <td>
                    <xsl:if test="@text != ''"><a href="{tk:safe-url(@text)}">text</a></xsl:if>
                    <xsl:if test="@volume != ''"><xsl:text> </xsl:text><a href="{tk:safe-url(@volume)}">volume</a></xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
