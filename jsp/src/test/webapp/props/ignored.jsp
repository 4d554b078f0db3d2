<%@ page contentType="text/plain;charset=UTF-8" %>el stays ${1 + 1} café
