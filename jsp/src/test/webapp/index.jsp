<%@ page contentType="text/plain;charset=UTF-8" %>welcome ${1 + 1}
